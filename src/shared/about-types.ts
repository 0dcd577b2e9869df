/** What the Settings page shows about this installation: cloud profile, data location, versions. */
import type { CloudEndpoints, CloudId } from './cloud-profile';

/** Where the running cloud was chosen; 'browser-host' = the browser host, which runs on the simulated cloud only. */
export type CloudSource = 'command-line' | 'settings' | 'default' | 'browser-host';

/** A cloud a person may choose, with whether Microsoft documents the Partner Admin Link API there. */
export interface CloudChoiceView {
  id: CloudId;
  label: string;
  partnerLinkApi: 'documented' | 'unknown';
}

export interface AboutView {
  version: string;
  host: 'electron' | 'browser-host' | 'cli';
  /** Runtime versions from the main process (electron and chrome are null outside Electron). */
  versions: { electron: string | null; chrome: string | null; node: string };
  cloud: {
    id: CloudId;
    label: string;
    simulated: boolean;
    endpoints: CloudEndpoints;
    /** Where the running cloud was chosen: the command line or PAL_DESK_CLOUD (they win over Settings), Settings, or the default. */
    source: CloudSource;
    /** The clouds a person may choose in Settings (the simulated cloud only while running on it, never in a packaged build). */
    choices: CloudChoiceView[];
  };
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
