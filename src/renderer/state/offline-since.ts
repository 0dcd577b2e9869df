/** When PAL Desk went offline: the earlier of main's view (the cloud did not answer) and the browser's (no network), or null while online. */
import type { ConnectivityState } from '../../shared/connectivity-types';

export function offlineSince(cloud: ConnectivityState | null, browserOfflineSince: string | null): string | null {
  const cloudSince = cloud && !cloud.online ? cloud.since : null;
  if (cloudSince && browserOfflineSince) return cloudSince < browserOfflineSince ? cloudSince : browserOfflineSince;
  return cloudSince ?? browserOfflineSince;
}
