/** The one place a host's network stack is chosen: every API call (the pipeline's HttpClient) and sign-in (msal-node's network module) go through the same one. */
import type { INetworkModule } from '@azure/msal-node';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import { createNetworkClient, type NetworkLimits, type ReachabilityObserver } from '../auth/network-client';
import { createNodeNetwork, explainNetworkFailure, type NodeNetwork, type NodeNetworkOptions } from './node-network';

/** A host's network: built once by the host (Node's by default, Electron's net in the desktop app) and shared by sign-in and every API call. */
export interface NetworkStack {
  /** The HttpClient of every pipeline (ARM SDK and REST alike). */
  httpClient: HttpClient;
  /** msal-node's network module (sign-in, token refresh, discovery), with the auth service's time limits and reachability observer. */
  msalNetwork(limits: NetworkLimits, observer?: ReachabilityObserver): INetworkModule;
}

/** Node's stack: proxies from the environment (NO_PROXY honoured), Node's roots plus an extra CA file, the same agents for both paths. */
export function createNodeNetworkStack(options: NodeNetworkOptions = {}): NetworkStack {
  const network = createNodeNetwork(options);
  return { httpClient: nodeHttpClient(network), msalNetwork: (limits, observer) => createNetworkClient(network, limits, observer) };
}

/** core-rest-pipeline's Node client on our agents (so its own proxy policy, which sets no agent once one is set, has no say), failures of the proxy or gateway told as what to do. */
function nodeHttpClient(network: NodeNetwork): HttpClient {
  const inner = createDefaultHttpClient();
  return {
    async sendRequest(request) {
      request.agent = network.agentFor(request.url);
      const proxy = network.proxyFor(request.url);
      const host = new URL(request.url).host;
      try {
        const response = await inner.sendRequest(request);
        const refused = response.status === 407 ? explainNetworkFailure(null, host, proxy, 407) : null;
        if (refused) throw refused;
        return response;
      } catch (error) {
        throw explainNetworkFailure(error, host, proxy) ?? error;
      }
    },
  };
}
