/** msal-node network module on node:https through Node's network (proxy, CAs): bounded in time, a busy token service reported as such, a proxy or gateway in the way told as what to do. */
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import https from 'node:https';
import { AppFailure } from '../../shared/result';
import { explainNetworkFailure, type NodeNetwork } from '../http/node-network';

export interface NetworkLimits {
  /** Longest a connection (TCP + TLS) may take, in ms (default 10 s). */
  connectTimeoutMs?: number;
  /** Longest a whole request may take, connecting included, in ms (default 30 s). */
  totalTimeoutMs?: number;
}

/** Told whether each request reached the token service (the app's connectivity). */
export interface ReachabilityObserver {
  answered(): void;
  unreachable(host: string): void;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;

/** errorCode of a token-service request that did not finish in time. */
export const TOKEN_TIMEOUT = 'pal_desk_token_service_timeout';
/** errorCode of a 429 or 5xx answer from the token service. */
export const TOKEN_SERVICE_BUSY = 'pal_desk_token_service_busy';

/**
 * A 429 or 5xx from the token service, thrown before msal-node parses the answer: msal-common keeps no HTTP status on the
 * ServerError it would build (and caches the throttle, answering later calls with a status-less error), so only here can
 * a busy service be told apart from a refused sign-in. Our queue and sync decide when to try again.
 */
export class TokenServiceBusyError extends AuthError {
  readonly status: number;
  /** When the service asked to be called again (from Retry-After), or null. */
  readonly retryAt: Date | null;

  constructor(status: number, retryAt: Date | null, correlationId = '') {
    super(TOKEN_SERVICE_BUSY, correlationId, `The sign-in service answered HTTP ${status}.`);
    // AuthError's constructor sets its own prototype; restore ours so instanceof works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'TokenServiceBusyError';
    this.status = status;
    this.retryAt = retryAt;
  }
}

const retryAtOf = (value: string | undefined): Date | null => {
  if (!value) return null;
  const seconds = Number(value);
  const at = Number.isFinite(seconds) ? Date.now() + seconds * 1000 : Date.parse(value);
  return Number.isFinite(at) ? new Date(at) : null;
};

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  network: NodeNetwork,
  limits: Required<NetworkLimits>,
  options?: NetworkRequestOptions,
  observer?: ReachabilityObserver,
): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const host = new URL(url).host;
    const proxy = network.proxyFor(url);
    const req = https.request(url, { method, headers: options?.headers, agent: network.agentFor(url) }, (res) => {
      answered = true;
      const refused = res.statusCode === 407 ? explainNetworkFailure(null, host, proxy, 407) : null;
      if (refused) {
        res.resume();
        return reject(networkAuthError(refused, options?.correlationId));
      }
      observer?.answered();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
        if (method === 'POST' && (status === 429 || status >= 500)) return reject(new TokenServiceBusyError(status, retryAtOf(headers['retry-after']), options?.correlationId));
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          body = { error: 'invalid_response', error_description: text.slice(0, 200) };
        }
        resolve({ status, headers, body: body as T });
      });
      res.on('error', reject);
    });
    const timeout = (what: string, ms: number) => () => req.destroy(new AuthError(TOKEN_TIMEOUT, options?.correlationId ?? '', `The sign-in service did not ${what} within ${ms} ms.`));
    const total = setTimeout(timeout('answer', limits.totalTimeoutMs), limits.totalTimeoutMs);
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = setTimeout(timeout('accept a connection', limits.connectTimeoutMs), limits.connectTimeoutMs);
      socket.once('secureConnect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    req.on('close', () => clearTimeout(total));
    req.on('error', (error) => {
      if (!answered) observer?.unreachable(host);
      const explained = explainNetworkFailure(error, host, proxy);
      reject(explained ? networkAuthError(explained, options?.correlationId) : error);
    });
    req.end(options?.body);
  });
}

/** errorCode of a proxy or gateway in the way of the token service; its message says what to do. */
export const TOKEN_NETWORK_BLOCKED = 'pal_desk_network_blocked';

/** A proxy or gateway failure as an AuthError (msal-node passes those through), carrying the AppFailure to tell. */
export class NetworkBlockedError extends AuthError {
  readonly failure: AppFailure;

  constructor(failure: AppFailure, correlationId = '') {
    super(TOKEN_NETWORK_BLOCKED, correlationId, failure.message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'NetworkBlockedError';
    this.failure = failure;
  }
}

const networkAuthError = (failure: AppFailure, correlationId?: string) => new NetworkBlockedError(failure, correlationId);

export function createNetworkClient(network: NodeNetwork, limits: NetworkLimits = {}, observer?: ReachabilityObserver): INetworkModule {
  const bounded = { connectTimeoutMs: limits.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, totalTimeoutMs: limits.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS };
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>('GET', url, network, timeout ? { ...bounded, totalTimeoutMs: Math.min(timeout, bounded.totalTimeoutMs) } : bounded, options, observer),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, network, bounded, options, observer),
  };
}
