/** The services behind the app's handlers, rebuilt from an empty data folder by "forget everything" (the app returns to first run without a restart). */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ForgetResult } from '../../shared/about-types';
import { INVOKE_CHANNELS, type Handlers, type InvokeChannel } from '../../shared/ipc-contract';
import { AppFailure } from '../../shared/result';
import { createAppServices, type AppServices, type AppServicesOptions } from '../app-services';
import { TOKEN_CACHE_FILE } from '../auth/auth-service';
import { NOTICE } from '../domain/notice';
import { INVENTORY_FILE } from '../inventory/inventory';

export interface ResettableServices {
  /** Every channel, "forget everything" included; each request goes to the services of the moment. */
  handlers: Handlers;
  /** The services of the moment (new ones after "forget everything"). */
  current(): AppServices;
  close(): Promise<void>;
}

/** The inventory and token cache with their WAL, shared-memory and set-aside copies. */
const dataFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(INVENTORY_FILE) || name.startsWith(TOKEN_CACHE_FILE));

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function createResettableServices(o: AppServicesOptions): Promise<ResettableServices> {
  let current = await createAppServices(o);
  /** Set while the services are being rebuilt: requests wait for the new ones. */
  let resetting: Promise<unknown> | null = null;

  const forget = async (): Promise<ForgetResult> => {
    if (resetting) throw new AppFailure('writer-busy', 'PAL Desk is already forgetting everything. Wait a moment; the app then starts again as on first run.');
    const keychain = await o.secrets.accounts();
    const { counts, release } = await current.data.claimForForget();
    const done = (async () => {
      release();
      await current.close();
      try {
        for (const account of keychain) await o.secrets.delete(account);
        for (const name of dataFiles(o.userDataDir)) rmSync(path.join(o.userDataDir, name), { force: true });
      } finally {
        current = await createAppServices(o);
      }
      const result: ForgetResult = { ...counts, keychainEntries: keychain.length };
      current.notices.raise(
        'info',
        NOTICE.forgotten,
        `Everything was forgotten at ${new Date().toISOString()}: ${counted(result.tenants, 'tenant')}, ${counted(result.auditEntries, 'audit entry', 'audit entries')} (the audit log itself is gone), ${counted(result.queuedActions, 'queued action')}, ${counted(result.keychainEntries, 'keychain entry', 'keychain entries')} and your settings.`,
      );
      o.emit('settings:changed', current.settings.get());
      o.emit('tenants:changed', []);
      return result;
    })();
    resetting = done;
    try {
      return await done;
    } finally {
      resetting = null;
    }
  };

  const route = (channel: InvokeChannel) => async (request: unknown) => {
    if (channel === 'settings:forget-everything') return forget();
    if (resetting) await resetting.catch(() => undefined);
    return (current.handlers[channel] as (request: unknown) => Promise<unknown>)(request);
  };
  const handlers = Object.fromEntries(Object.keys(INVOKE_CHANNELS).map((channel) => [channel, route(channel as InvokeChannel)])) as unknown as Handlers;
  return { handlers, current: () => current, close: () => current.close() };
}
