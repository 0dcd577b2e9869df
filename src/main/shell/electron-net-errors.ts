/** Chromium's network errors (net::ERR_*, as Electron's `net` reports them) told as the failure kinds the rest of PAL Desk knows, with what to do. */

/** A failure of Electron's network told the way Node's stack would tell it: `code` is what retry, connectivity and http-errors read. */
export interface NetFailure {
  /** The Node code of the same kind of failure (ECONNREFUSED, ENOTFOUND, ETIMEDOUT …), or the net error's own name for a certificate problem. */
  code: string;
  /** Chromium's name for it, e.g. ERR_PROXY_CONNECTION_FAILED. */
  netError: string;
  /** What a person can do about it, naming the OS setting or store Electron's network follows. */
  advice: string;
}

const PROXY_ADVICE = 'Check the proxy in the computer\'s network settings (or its PAC file) — PAL Desk uses the same proxy as your browser — then try again.';
const OFFLINE_ADVICE = 'Check your connection and try again.';
const CERT_ADVICE =
  'The certificate was not trusted by this computer. If your network inspects TLS, ask IT to install its root certificate in the operating system\'s certificate store (PAL Desk trusts what your browser trusts), then try again.';

/** Chromium's net_error_list.h names, by the Node code of the same kind (never reached → retried and "offline"; timed out → "timeout"). */
const BY_NET_ERROR: Record<string, { code: string; advice: string }> = {
  ERR_INTERNET_DISCONNECTED: { code: 'ENETUNREACH', advice: 'This computer is not connected to a network. Connect, then try again.' },
  ERR_NETWORK_CHANGED: { code: 'ECONNRESET', advice: 'The network changed during the request. Try again.' },
  ERR_NAME_NOT_RESOLVED: { code: 'ENOTFOUND', advice: OFFLINE_ADVICE },
  ERR_NAME_RESOLUTION_FAILED: { code: 'ENOTFOUND', advice: OFFLINE_ADVICE },
  ERR_ADDRESS_UNREACHABLE: { code: 'EHOSTUNREACH', advice: OFFLINE_ADVICE },
  ERR_CONNECTION_REFUSED: { code: 'ECONNREFUSED', advice: OFFLINE_ADVICE },
  ERR_CONNECTION_RESET: { code: 'ECONNRESET', advice: OFFLINE_ADVICE },
  ERR_CONNECTION_CLOSED: { code: 'ECONNRESET', advice: OFFLINE_ADVICE },
  ERR_CONNECTION_ABORTED: { code: 'ECONNABORTED', advice: OFFLINE_ADVICE },
  ERR_CONNECTION_FAILED: { code: 'ECONNREFUSED', advice: OFFLINE_ADVICE },
  ERR_EMPTY_RESPONSE: { code: 'ECONNRESET', advice: OFFLINE_ADVICE },
  ERR_CONNECTION_TIMED_OUT: { code: 'ETIMEDOUT', advice: OFFLINE_ADVICE },
  ERR_TIMED_OUT: { code: 'ETIMEDOUT', advice: OFFLINE_ADVICE },
  // The proxy stands between PAL Desk and every service: nothing was sent, so it is "offline" and safe to send again.
  ERR_PROXY_CONNECTION_FAILED: { code: 'ECONNREFUSED', advice: PROXY_ADVICE },
  ERR_TUNNEL_CONNECTION_FAILED: { code: 'ECONNREFUSED', advice: PROXY_ADVICE },
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: { code: 'ECONNREFUSED', advice: PROXY_ADVICE },
  ERR_PAC_SCRIPT_FAILED: { code: 'ECONNREFUSED', advice: PROXY_ADVICE },
  ERR_PROXY_AUTH_REQUESTED: { code: 'ECONNREFUSED', advice: `The proxy asks to sign in, which PAL Desk cannot do. ${PROXY_ADVICE}` },
  ERR_PROXY_AUTH_UNSUPPORTED: { code: 'ECONNREFUSED', advice: `The proxy asks for a sign-in PAL Desk cannot do. ${PROXY_ADVICE}` },
  ERR_PROXY_CERTIFICATE_INVALID: { code: 'ERR_PROXY_CERTIFICATE_INVALID', advice: `The proxy's certificate is not trusted. ${PROXY_ADVICE}` },
};

const NET_ERROR = /net::(ERR_[A-Z0-9_]+)/;
/** How Electron's ClientRequest fails a request whose answer was a redirect under redirect: 'error' (lib/common/api/net-client-request.ts). */
const REDIRECTED = /Attempted to redirect/;

/** Chromium's options for every request PAL Desk sends: no redirect followed (it would carry the bearer token wherever it points), no cookies or HTTP auth of the app's session, nothing kept in Chromium's disk cache. */
export const NET_REQUEST_OPTIONS = { redirect: 'error', credentials: 'omit', cache: 'no-store' } as const;

/** True when Electron refused to follow a redirect: a captive portal or proxy answered instead of the service. */
export const isRedirectRefusal = (error: unknown): boolean => error instanceof Error && REDIRECTED.test(error.message);

/** What to do when a redirect came instead of the service's answer. */
export const REDIRECT_ADVICE = 'A sign-in page or proxy answered instead, with a redirect: sign in to the network (open any web page in your browser), then try again.';

/**
 * The net::ERR_* a failed `net.fetch` / `net.request` names (in its message or its cause), or null for any other error.
 * Electron rejects with `new Error(netErrorString)`, e.g. "net::ERR_PROXY_CONNECTION_FAILED" (lib/common/api/net-client-request.ts,
 * lib/browser/api/net-fetch.ts); the names are Chromium's net/base/net_error_list.h.
 */
export function netErrorOf(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const match = NET_ERROR.exec(e instanceof Error ? e.message : String(e));
    if (match?.[1]) return match[1];
  }
  return null;
}

/** The failure kind and advice of a net::ERR_* name; a certificate or TLS error keeps its own name (http-errors reads it as "could not be verified"). */
export function toNetFailure(netError: string): NetFailure {
  const known = BY_NET_ERROR[netError];
  if (known) return { ...known, netError };
  if (/CERT|SSL/.test(netError)) return { code: netError, netError, advice: CERT_ADVICE };
  return { code: 'REQUEST_SEND_ERROR', netError, advice: OFFLINE_ADVICE };
}
