/** The services behind the app's handlers, rebuilt from an empty data folder by "forget everything" (the app returns to first run without a restart). */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ForgetResult } from '../../shared/about-types';
import { INVOKE_CHANNELS, type Handlers, type InvokeChannel } from '../../shared/ipc-contract';
import { AppFailure } from '../../shared/result';
import { createAppServices, dataFolderSecrets, type AppServices, type AppServicesOptions } from '../app-services';
import { TOKEN_CACHE_FILE } from '../auth/auth-service';
import { NOTICE } from '../domain/notice';
import { INVENTORY_FILE } from '../inventory/inventory';
import { FOLDER_ID_FILE } from '../secrets/data-folder-id';

export interface ResettableServices {
  /** Every channel, "forget everything" included; each request goes to the services of the moment. */
  handlers: Handlers;
  /** The services of the moment (new ones after "forget everything"). */
  current(): AppServices;
  close(): Promise<void>;
}

/** The inventory and token cache with their WAL, shared-memory and set-aside copies, and the folder's keychain id (a new one is made, naming nothing older). */
const dataFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(INVENTORY_FILE) || name.startsWith(TOKEN_CACHE_FILE) || name === FOLDER_ID_FILE);

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The entries an older PAL Desk kept under names every data folder shared: this folder cannot know no other folder needs them. */
const leftShared = (n: number) =>
  n === 0 ? '' : ` ${counted(n, 'keychain entry', 'keychain entries')} saved by an older PAL Desk for every data folder at once ${n === 1 ? 'was' : 'were'} left, as another data folder may still need ${n === 1 ? 'it' : 'them'}.`;

export async function createResettableServices(o: AppServicesOptions): Promise<ResettableServices> {
  let current = await createAppServices(o);
  /** Set while the services are being rebuilt: requests wait for the new ones. */
  let resetting: Promise<unknown> | null = null;

  const forget = async (): Promise<ForgetResult> => {
    if (resetting) throw new AppFailure('writer-busy', 'PAL Desk is already forgetting everything. Wait a moment; the app then starts again as on first run.');
    /** Only this data folder's entries: other folders' sign-ins and secrets, and those older releases shared, stay. */
    const secrets = dataFolderSecrets(o);
    const keychain = await secrets.accounts();
    const sharedOlder = await secrets.sharedOlderEntries();
    // A damaged inventory refuses the claim (its writer lock cannot be written): say so in words; a restart sets the file aside.
    const { counts, release } = await current.data.claimForForget().catch((error: unknown) => {
      throw current.inventory.storage.explain(error) ?? error;
    });
    const done = (async () => {
      release();
      await current.close();
      try {
        for (const account of keychain) await secrets.delete(account);
        for (const name of dataFiles(o.userDataDir)) rmSync(path.join(o.userDataDir, name), { force: true });
      } finally {
        current = await createAppServices(o);
      }
      const result: ForgetResult = { ...counts, keychainEntries: keychain.length };
      current.notices.raise(
        'info',
        NOTICE.forgotten,
        `Everything was forgotten at ${new Date().toISOString()}: ${counted(result.tenants, 'tenant')}, ${counted(result.auditEntries, 'audit entry', 'audit entries')} (the audit log itself is gone), ${counted(result.queuedActions, 'queued action')}, ${counted(result.keychainEntries, 'keychain entry', 'keychain entries')} and your settings.${leftShared(sharedOlder)}`,
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
