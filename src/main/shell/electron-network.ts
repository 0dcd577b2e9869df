/** The desktop app's network for sign-in and every API call: Electron's `net`, which follows the OS proxy settings, PAC files and certificate store. */
import type { CloudProfile } from '../../shared/cloud-profile';
import { observeReachability } from '../auth/observed-network';
import type { NetworkStack } from '../http/network-stack';
import { createElectronHttpClient, type NetFetch } from './electron-http-client';
import { createElectronMsalNetwork } from './electron-msal-network';

/**
 * Electron's network for a real cloud; none (so Node's, which trusts exactly the simulated cloud's own CA) for the simulated
 * cloud a developer runs against, whose CA the OS store never holds.
 */
export function electronNetwork(net: NetFetch, cloud: Pick<CloudProfile, 'caCertPem'>): NetworkStack | undefined {
  if (cloud.caCertPem) return undefined;
  return {
    httpClient: createElectronHttpClient(net),
    msalNetwork: (limits, observer) => observeReachability(createElectronMsalNetwork(net, limits.totalTimeoutMs), observer),
  };
}
