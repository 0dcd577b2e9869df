/** Composition root for the main-process services, shared by the Electron shell, the browser host and the CLI. */
import type { AppInfo, EmitEvent, Handlers } from '../shared/ipc-contract';
import type { CloudProfile } from '../shared/cloud-profile';
import type { Logger } from './logger';
import { Inventory } from './inventory/inventory';
import { SettingsService } from './settings/settings-service';

export interface AppServicesOptions {
  userDataDir: string;
  cloud: CloudProfile;
  host: AppInfo['host'];
  version: string;
  log: Logger;
  emit: EmitEvent;
}

export interface AppServices {
  handlers: Handlers;
  close(): Promise<void>;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const inventory = new Inventory(options.userDataDir);
  const settings = new SettingsService(inventory.settings, options.emit);
  const info: AppInfo = {
    name: 'PAL Desk',
    version: options.version,
    host: options.host,
    cloud: { id: options.cloud.id, label: options.cloud.label },
    platform: process.platform,
  };
  const handlers: Handlers = {
    'app:info': async () => info,
    'settings:get': async () => settings.get(),
    'settings:set-partner-id': async ({ partnerId }) => settings.setPartnerId(partnerId),
  };
  return { handlers, close: async () => {} };
}
