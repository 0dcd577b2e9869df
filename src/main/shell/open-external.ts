/** Opens a URL in the system browser only when it is https and on the allow-list; returns whether it was opened. */
import { isSafeExternalUrl } from './security-policy';
import type { Logger } from '../logger';

export type OpenExternal = (url: string) => Promise<void>;

export function createOpenExternalSafe(openExternal: OpenExternal, allowedHosts: readonly string[], log: Logger) {
  return async function openExternalSafe(url: string): Promise<boolean> {
    if (!isSafeExternalUrl(url, allowedHosts)) {
      log.warn('shell.open-external-refused', { host: safeHost(url) });
      return false;
    }
    await openExternal(url);
    return true;
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
}
