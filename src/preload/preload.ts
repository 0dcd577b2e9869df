/** The window bridge: named functions over IPC, typed against the contract; never exposes ipcRenderer or event objects. */
import { contextBridge, ipcRenderer } from 'electron';
import type { EventName, EventPayloads, PalDeskBridge } from '../shared/ipc-contract';

const EVENTS: readonly EventName[] = ['settings:changed', 'tenants:changed', 'job:progress', 'job:finished', 'auth:sign-in-state', 'notice'];

const bridge = {
  appInfo: () => ipcRenderer.invoke('app:info'),
  getSettings: () => ipcRenderer.invoke('settings:get'),
  setPartnerId: (request) => ipcRenderer.invoke('settings:set-partner-id', request),
  setClientId: (request) => ipcRenderer.invoke('settings:set-client-id', request),
  listTenants: () => ipcRenderer.invoke('tenants:list'),
  addTenant: (request) => ipcRenderer.invoke('tenants:add', request),
  discoverTenants: (request) => ipcRenderer.invoke('tenants:discover', request),
  trackTenants: (request) => ipcRenderer.invoke('tenants:track', request),
  renameTenant: (request) => ipcRenderer.invoke('tenants:rename', request),
  archiveTenant: (request) => ipcRenderer.invoke('tenants:archive', request),
  removeTenant: (request) => ipcRenderer.invoke('tenants:remove', request),
  signIn: (request) => ipcRenderer.invoke('auth:sign-in', request),
  cancelSignIn: () => ipcRenderer.invoke('auth:cancel-sign-in'),
  addServicePrincipal: (request) => ipcRenderer.invoke('auth:add-service-principal', request),
  testConnection: (request) => ipcRenderer.invoke('auth:test-connection', request),
  signOut: (request) => ipcRenderer.invoke('auth:sign-out', request),
  signOutEverywhere: (request) => ipcRenderer.invoke('auth:sign-out-account', request),
  link: (request) => ipcRenderer.invoke('pal:link', request),
  unlink: (request) => ipcRenderer.invoke('pal:unlink', request),
  linkAll: () => ipcRenderer.invoke('pal:link-all'),
  sync: (request) => ipcRenderer.invoke('inventory:sync', request),
  cancelJob: (request) => ipcRenderer.invoke('jobs:cancel', request),
  listPending: () => ipcRenderer.invoke('pending:list'),
  listAudit: (request) => ipcRenderer.invoke('audit:list', request),
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const forward = (_event: unknown, payload: EventPayloads[E]) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => void ipcRenderer.removeListener(event, forward);
  },
} satisfies PalDeskBridge;

contextBridge.exposeInMainWorld('palDesk', bridge);
