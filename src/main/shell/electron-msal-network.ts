/** msal-node's network module on Electron's `net`: sign-in through the OS proxy and certificate store, bounded in time, a busy token service reported as such (as auth/network-client.ts does on Node). */
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { DEFAULT_TOTAL_TIMEOUT_MS, TOKEN_TIMEOUT, TokenServiceBusyError } from '../auth/network-client';
import type { NetFetch } from './electron-http-client';
import { isRedirectRefusal, NET_REQUEST_OPTIONS, netErrorOf, REDIRECT_ADVICE, toNetFailure } from './electron-net-errors';

const retryAtOf = (value: string | undefined): Date | null => {
  if (!value) return null;
  const seconds = Number(value);
  const at = Number.isFinite(seconds) ? Date.now() + seconds * 1000 : Date.parse(value);
  return Number.isFinite(at) ? new Date(at) : null;
};

/** A net::ERR_* failure as an AuthError whose code is the Node code auth-errors.ts reads (ECONNREFUSED → offline …), its message what to do. */
function toAuthError(error: unknown, correlationId: string): unknown {
  if (isRedirectRefusal(error)) return Object.assign(new AuthError('pal_desk_redirected', correlationId, REDIRECT_ADVICE), { advice: REDIRECT_ADVICE });
  const netError = netErrorOf(error);
  if (!netError) return error;
  const failure = toNetFailure(netError);
  const advice = `${failure.advice} (net::${netError})`;
  return Object.assign(new AuthError(failure.code, correlationId, advice), { netError, advice });
}

async function send<T>(net: NetFetch, method: 'GET' | 'POST', url: string, timeoutMs: number, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
  const correlationId = options?.correlationId ?? '';
  const attempt = new AbortController();
  const timer = setTimeout(() => attempt.abort(), timeoutMs);
  try {
    // msal-node's own client never follows a redirect either; Electron fails the request instead of handing the 3xx back.
    const answer = await net.fetch(url, { method, headers: options?.headers, body: options?.body, ...NET_REQUEST_OPTIONS, signal: attempt.signal });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    if (method === 'POST' && (answer.status === 429 || answer.status >= 500)) {
      void answer.body?.cancel();
      throw new TokenServiceBusyError(answer.status, retryAtOf(headers['retry-after']), correlationId);
    }
    const text = await answer.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: 'invalid_response', error_description: text.slice(0, 200) };
    }
    return { status: answer.status, headers, body: body as T };
  } catch (error) {
    if (error instanceof AuthError) throw error;
    if (attempt.signal.aborted) throw new AuthError(TOKEN_TIMEOUT, correlationId, `The sign-in service did not answer within ${timeoutMs} ms.`);
    throw toAuthError(error, correlationId);
  } finally {
    clearTimeout(timer);
  }
}

/** `timeoutMs`: longest one request to the token service may take (default 30 s); msal's own shorter timeout for a GET wins. */
export function createElectronMsalNetwork(net: NetFetch, timeoutMs = DEFAULT_TOTAL_TIMEOUT_MS): INetworkModule {
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => send<T>(net, 'GET', url, timeout ? Math.min(timeout, timeoutMs) : timeoutMs, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(net, 'POST', url, timeoutMs, options),
  };
}
