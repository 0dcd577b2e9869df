/** A host's msal network module (the desktop app's: Electron's `net`) that tells the app's connectivity whether each token request reached the service, as network-client.ts does on Node. */
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';
import { TokenServiceBusyError, type ReachabilityObserver } from './network-client';

/** Any answer, a busy one included, means reached; a request that failed without one (network error, timeout) means not. */
export function observeReachability(network: INetworkModule, observer: ReachabilityObserver | undefined): INetworkModule {
  if (!observer) return network;
  const observe = async <T>(url: string, call: Promise<T>): Promise<T> => {
    try {
      const answer = await call;
      observer.answered();
      return answer;
    } catch (error) {
      if (error instanceof TokenServiceBusyError) observer.answered();
      else observer.unreachable(new URL(url).host);
      throw error;
    }
  };
  return {
    sendGetRequestAsync: (url: string, options?: NetworkRequestOptions, timeout?: number) => observe(url, network.sendGetRequestAsync(url, options, timeout)),
    sendPostRequestAsync: (url: string, options?: NetworkRequestOptions) => observe(url, network.sendPostRequestAsync(url, options)),
  };
}
