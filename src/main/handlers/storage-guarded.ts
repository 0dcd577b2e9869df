/** Every handler behind the inventory's health: a busy file answers "another PAL Desk is using this data", a damaged one still reads and refuses changes. */
import type { StorageGuard } from '../inventory/storage-guard';
import type { AppHandlers } from './index';

/** What each channel does to the inventory: the compiler asks for every new channel's answer. */
const ACCESS: Record<keyof AppHandlers, 'reads' | 'changes'> = {
  'app:info': 'reads',
  'settings:get': 'reads',
  'settings:set-partner-id': 'changes',
  'settings:set-cloud': 'changes',
  'settings:set-client-id': 'changes',
  'tenants:list': 'reads',
  'tenants:add': 'changes',
  'tenants:discover': 'changes',
  'tenants:track': 'changes',
  'tenants:rename': 'changes',
  'tenants:archive': 'changes',
  'tenants:remove': 'changes',
  'auth:sign-in': 'changes',
  'auth:cancel-sign-in': 'reads',
  'auth:add-service-principal': 'changes',
  'auth:test-connection': 'reads',
  'doctor:check': 'reads',
  'auth:sign-out': 'changes',
  'auth:sign-out-account': 'changes',
  'auth:set-default-account': 'changes',
  'pal:link': 'changes',
  'pal:unlink': 'changes',
  'pal:link-all': 'changes',
  'pal:link-tenants': 'changes',
  'inventory:sync': 'changes',
  'jobs:cancel': 'reads',
  'pending:list': 'reads',
  'checklist:tenant': 'reads',
  'checklist:summary': 'reads',
  'notices:list': 'reads',
  'notices:acknowledge': 'changes',
  'connectivity:get': 'reads',
  'export:save': 'reads',
  'settings:about': 'reads',
  'settings:show-data-folder': 'reads',
  'audit:list': 'reads',
};

export function guardStorage(handlers: AppHandlers, storage: StorageGuard): AppHandlers {
  const guarded = (channel: keyof AppHandlers) => {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return async (request: unknown) => {
      if (ACCESS[channel] === 'changes') storage.refuseChangesIfDamaged();
      try {
        return await handler(request);
      } catch (error) {
        throw storage.explain(error) ?? error;
      }
    };
  };
  return Object.fromEntries(Object.keys(handlers).map((channel) => [channel, guarded(channel as keyof AppHandlers)])) as unknown as AppHandlers;
}
