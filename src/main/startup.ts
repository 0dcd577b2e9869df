/** One start-up for the three entry points (Electron, the browser host, the CLI): the OS keychain, the logger and the services. */
import { readFileSync } from 'node:fs';
import { createAppServices, type AppServices, type AppServicesOptions } from './app-services';
import { createResettableServices, type ResettableServices } from './data/resettable-services';
import { createLogger, type Logger } from './logger';
import { KeytarSecretStore } from './secrets/keytar-secret-store';

export interface StartOptions extends Omit<AppServicesOptions, 'secrets' | 'log'> {
  log?: Logger;
  /** The keychain service name (tests and the CLI may use their own); default: PAL Desk's. */
  keychainService?: string;
}

export function startServices(o: StartOptions): Promise<AppServices> {
  const { keychainService, log, ...rest } = o;
  return createAppServices({ ...rest, log: log ?? createLogger(), secrets: new KeytarSecretStore(keychainService) });
}

/** The services behind the app's window (Electron or the browser host), which "forget everything" can rebuild. */
export function startAppServices(o: StartOptions): Promise<ResettableServices> {
  const { keychainService, log, ...rest } = o;
  return createResettableServices({ ...rest, log: log ?? createLogger(), secrets: new KeytarSecretStore(keychainService) });
}

/** The version in a package.json (the CLI and the browser host run from the source tree; Electron asks the app). */
export function packageVersion(packageJson: URL | string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
