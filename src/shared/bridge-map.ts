/** The window bridge's shape, zod-free so the sandboxed preload can bundle it: area → method → IPC channel, the event names, and the builder. */
import type { EventName, InvokeChannel, PalDeskBridge } from './ipc-contract';

/** The global the preload (or the browser host) installs the bridge under. */
export const BRIDGE_GLOBAL = 'palDesk';

/** What a bridge map must be: every method names a channel of the contract. */
export type BridgeMapShape = Readonly<Record<string, Readonly<Record<string, InvokeChannel>>>>;

/** Area → method → channel. The only place that names channels for the bridge; the preload and the browser host follow it. */
export const BRIDGE_MAP = {
  app: { info: 'app:info' },
  settings: { get: 'settings:get', setPartnerId: 'settings:set-partner-id', setClientId: 'settings:set-client-id', setCloud: 'settings:set-cloud' },
  tenants: {
    list: 'tenants:list',
    add: 'tenants:add',
    discover: 'tenants:discover',
    track: 'tenants:track',
    rename: 'tenants:rename',
    archive: 'tenants:archive',
    remove: 'tenants:remove',
  },
  auth: {
    signIn: 'auth:sign-in',
    cancelSignIn: 'auth:cancel-sign-in',
    addServicePrincipal: 'auth:add-service-principal',
    testConnection: 'auth:test-connection',
    signOut: 'auth:sign-out',
    signOutEverywhere: 'auth:sign-out-account',
    setDefaultAccount: 'auth:set-default-account',
  },
  pal: { link: 'pal:link', unlink: 'pal:unlink', linkAll: 'pal:link-all', linkTenants: 'pal:link-tenants' },
  jobs: { sync: 'inventory:sync', cancel: 'jobs:cancel' },
  activity: { listAudit: 'audit:list', listPending: 'pending:list' },
  checklist: { tenant: 'checklist:tenant', summary: 'checklist:summary' },
  notices: { list: 'notices:list', acknowledge: 'notices:acknowledge' },
  connectivity: { get: 'connectivity:get' },
  doctor: { check: 'doctor:check' },
  exports: { save: 'export:save' },
  data: { about: 'settings:about', showFolder: 'settings:show-data-folder', forgetEverything: 'settings:forget-everything' },
} as const satisfies BridgeMapShape;

/** Main → renderer events the bridge lets the page subscribe to. */
export const EVENT_NAMES = [
  'settings:changed',
  'tenants:changed',
  'job:progress',
  'job:finished',
  'auth:sign-in-state',
  'notice',
  'connectivity:changed',
  'menu:navigate',
] as const satisfies readonly EventName[];

/** Sends one request to main; resolves to the `Result` main answered. */
export type BridgeInvoke = (channel: InvokeChannel, request: unknown) => Promise<unknown>;
/** Subscribes to one main → renderer event with a listener that gets the payload only; returns the unsubscribe function. */
export type BridgeSubscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

const isEventName = (event: unknown): event is EventName => (EVENT_NAMES as readonly unknown[]).includes(event);

/** Builds the bridge object from the map: one function per method, sending its request unchanged to its channel, plus `on`. */
export function buildBridge(invoke: BridgeInvoke, subscribe: BridgeSubscribe): PalDeskBridge {
  const areas = Object.entries(BRIDGE_MAP).map(([area, methods]) => {
    const functions = Object.entries(methods).map(([method, channel]) => [method, (request?: unknown) => invoke(channel, request)]);
    return [area, Object.freeze(Object.fromEntries(functions))];
  });
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    return subscribe(event, listener);
  };
  return Object.freeze({ ...Object.fromEntries(areas), on }) as PalDeskBridge;
}
