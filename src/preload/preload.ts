/** The window bridge: named functions over IPC, typed against the contract; never exposes ipcRenderer or event objects. */
import { contextBridge, ipcRenderer } from 'electron';
import type { EventName, EventPayloads, PalDeskBridge } from '../shared/ipc-contract';

const EVENTS: readonly EventName[] = ['settings:changed'];

const bridge = {
  appInfo: () => ipcRenderer.invoke('app:info'),
  getSettings: () => ipcRenderer.invoke('settings:get'),
  setPartnerId: (request) => ipcRenderer.invoke('settings:set-partner-id', request),
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const forward = (_event: unknown, payload: EventPayloads[E]) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => void ipcRenderer.removeListener(event, forward);
  },
} satisfies PalDeskBridge;

contextBridge.exposeInMainWorld('palDesk', bridge);
