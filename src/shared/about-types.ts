/** What the Settings page shows about this installation: cloud profile, data location, versions. */
import type { CloudEndpoints, CloudId } from './cloud-profile';

export interface AboutView {
  version: string;
  host: 'electron' | 'browser-host' | 'cli';
  /** Runtime versions from the main process (electron and chrome are null outside Electron). */
  versions: { electron: string | null; chrome: string | null; node: string };
  cloud: { id: CloudId; label: string; simulated: boolean; endpoints: CloudEndpoints };
  /** The data folder: the inventory, the encrypted token cache. */
  dataFolder: string;
  /** The inventory database with its WAL and shared-memory files, in bytes. */
  databaseBytes: number;
  /** True in the desktop app, where "Show in folder" opens the OS file manager. */
  canShowInFolder: boolean;
}

/** How much "forget everything" deleted. */
export interface ForgetResult {
  tenants: number;
  auditEntries: number;
  queuedActions: number;
  keychainEntries: number;
}

/** The word a person types to confirm "forget everything". */
export const FORGET_WORD = 'forget';
