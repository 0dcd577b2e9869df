/**
 * Faults on demand: latency, slow token endpoint, 429 with Retry-After, 5xx, dropped connections, requests never answered, per-caller
 * throttling; and what the network between PAL Desk and Microsoft can put in place of an answer (a captive portal's page, a proxy's
 * notice, a list that never ends, an endless body, a list with a broken item). None of these is a Microsoft service's behaviour.
 */
import type { SimReply, SimRequest } from './http-kit';

export interface Faults {
  /** Added to every request, in ms. */
  latencyMs?: number;
  /** Added to token endpoint requests only, in ms. */
  tokenLatencyMs?: number;
  /** Added to partner-link writes (PUT, PATCH, DELETE) only, in ms. */
  writeLatencyMs?: number;
  /** Share of requests (0..1) answered 429 with Retry-After. */
  throttleRate?: number;
  retryAfterSeconds?: number;
  /** Share of requests answered with `errorStatus` (default 503). */
  errorRate?: number;
  errorStatus?: number;
  /** Share of requests whose connection is dropped without an answer. */
  resetRate?: number;
  /** Limits the rate-based faults above to paths containing this text (e.g. 'ManagementPartner'). */
  ratePathIncludes?: string;
  /** Requests per second allowed per caller (bearer token or client) before 429s. */
  callerLimitPerSecond?: number;
  /** Requests per second the whole simulated host accepts before 429s. */
  hostLimitPerSecond?: number;
  /**
   * Deterministic faults for the next N matching requests ('hang': never answered, its connection stays open; 'lost-answer':
   * the request is carried out, then its connection is dropped before the answer, as when a network fails mid-call). The answers
   * of the network, not of the service: 'portal' (a captive portal's HTML page with 200), 'not-a-list' (a proxy's JSON notice with
   * 200), 'endless' (the service's list with a next link to a new page, every page full, forever), 'huge' (a 200 whose body
   * streams on for `bytes`, default 300 MB, with no length given), 'malformed-item' (the service's list with broken items added).
   */
  next?: { kind: NextFault; count: number; pathIncludes?: string; method?: string; bytes?: number }[];
}

type NextFault = '401' | '403' | '429' | '5xx' | 'reset' | 'hang' | 'lost-answer' | 'portal' | 'not-a-list' | 'endless' | 'huge' | 'malformed-item';

export type FaultDecision =
  | { kind: 'pass' }
  | { kind: 'reply'; reply: SimReply }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'lost-answer' }
  /** The service's own answer (to the request as `request` passes it on), changed on its way back. */
  | { kind: 'alter'; request?(req: SimRequest): SimRequest; alter(reply: SimReply, req: SimRequest): SimReply }
  /** A 200 whose JSON body streams on for `bytes`. */
  | { kind: 'huge'; bytes: number };

/**
 * A captive portal's or a TLS-inspecting proxy's sign-in page in place of the answer: portals work by "modifying HTTP or DNS
 * traffic" (RFC 8952, Captive Portal Architecture, section 1) and answer the intercepted request with their own HTML page; Windows'
 * NCSI tells a portal from the Internet by its probe getting that page instead of the expected text (Microsoft Learn, "Network
 * Connectivity Status Indicator (NCSI)" in Windows Server networking docs).
 */
const PORTAL_PAGE = '<!DOCTYPE html><html><head><title>Guest Wi-Fi</title></head><body><h1>Welcome</h1><form method="post"><label><input type="checkbox" name="terms"> I accept the terms of use</label><button>Connect</button></form></body></html>';

/** A proxy's or filter's own JSON notice with 200 (no `value` list): what such a device says in place of a blocked answer. */
const PROXY_NOTICE = { status: 'blocked', message: 'This site is not allowed on the guest network.' };

/** Query parameter the 'endless' fault numbers its pages with (the simulated services ignore parameters they do not know). */
const ENDLESS_PAGE = 'sim-endless-page';

/**
 * A list that never ends, whichever way it is paged: the service is asked for the first page every time (a `$skip` is not passed
 * on, as a caching proxy that ignores the query would), its items are repeated to fill a `$top` page, and a next link to a new page
 * is added in both spellings (nextLink, @odata.nextLink), with no `@odata.count` to end on.
 */
const firstPage = (req: SimRequest): SimRequest => {
  const url = new URL(req.url);
  url.searchParams.delete('$skip');
  return { ...req, url };
};

function endless(reply: SimReply, req: SimRequest): SimReply {
  const body = reply.body;
  if (reply.status !== 200 || typeof body !== 'object' || body === null || !Array.isArray((body as { value?: unknown }).value)) return reply;
  const value = (body as { value: unknown[] }).value;
  const top = Number(req.url.searchParams.get('$top') ?? '0');
  const full = top > 0 && value.length > 0 ? Array.from({ length: top }, (_, i) => value[i % value.length]) : value;
  const next = new URL(req.url);
  next.searchParams.set(ENDLESS_PAGE, String(Number(req.url.searchParams.get(ENDLESS_PAGE) ?? '0') + 1));
  const { '@odata.count': _count, ...rest } = body as Record<string, unknown>;
  return { ...reply, body: { ...rest, value: full, nextLink: next.toString(), '@odata.nextLink': next.toString() } };
}

/** The list answer with items no service lists: null, a number, an object without any id. */
function malformed(reply: SimReply): SimReply {
  const body = reply.body;
  if (reply.status !== 200 || typeof body !== 'object' || body === null || !Array.isArray((body as { value?: unknown }).value)) return reply;
  return { ...reply, body: { ...body, value: [null, 42, { properties: { displayName: 'No id' } }, ...(body as { value: unknown[] }).value] } };
}

/** A seeded generator so a fault run can be repeated exactly. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const throttled = (retryAfter: number): SimReply => ({
  status: 429,
  headers: { 'retry-after': String(retryAfter) },
  body: { error: { code: 'TooManyRequests', message: `The request is being throttled. Retry after ${retryAfter} seconds.` } },
});

export class FaultInjector {
  faults: Faults = {};
  readonly #random: () => number;
  readonly #callerWindows = new Map<string, { second: number; count: number }>();

  constructor(seed = 42) {
    this.#random = mulberry32(seed);
  }

  set(faults: Faults): void {
    this.faults = { ...faults, next: faults.next?.map((n) => ({ ...n })) };
  }

  /** Extra delay for this request, in ms. */
  delayFor(req: SimRequest): number {
    const token = req.url.pathname.endsWith('/oauth2/v2.0/token') ? (this.faults.tokenLatencyMs ?? 0) : 0;
    const write = req.method !== 'GET' && /managementpartner\/partners\//i.test(req.url.pathname) ? (this.faults.writeLatencyMs ?? 0) : 0;
    return (this.faults.latencyMs ?? 0) + token + write;
  }

  decide(req: SimRequest): FaultDecision {
    const f = this.faults;
    const scheduled = f.next?.find(
      (n) => n.count > 0 && (!n.pathIncludes || req.url.pathname.includes(n.pathIncludes)) && (!n.method || n.method === req.method),
    );
    if (scheduled) {
      scheduled.count -= 1;
      if (scheduled.kind === 'reset' || scheduled.kind === 'hang' || scheduled.kind === 'lost-answer') return { kind: scheduled.kind };
      if (scheduled.kind === 'portal') return { kind: 'reply', reply: { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PORTAL_PAGE } };
      if (scheduled.kind === 'not-a-list') return { kind: 'reply', reply: { status: 200, body: PROXY_NOTICE } };
      if (scheduled.kind === 'endless') return { kind: 'alter', request: firstPage, alter: endless };
      if (scheduled.kind === 'malformed-item') return { kind: 'alter', alter: malformed };
      if (scheduled.kind === 'huge') return { kind: 'huge', bytes: scheduled.bytes ?? 300 * 1024 * 1024 };
      if (scheduled.kind === '429') return { kind: 'reply', reply: throttled(f.retryAfterSeconds ?? 1) };
      if (scheduled.kind === '401') return { kind: 'reply', reply: refused(401, 'ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.') };
      if (scheduled.kind === '403') return { kind: 'reply', reply: refused(403, 'AuthorizationFailed', 'The client does not have authorization to perform this action.') };
      return { kind: 'reply', reply: serverError(f.errorStatus ?? 503) };
    }
    const overLimit = (key: string, limit: number | undefined) => {
      if (!limit) return false;
      const second = Math.floor(Date.now() / 1000);
      const window = this.#callerWindows.get(key);
      const count = window && window.second === second ? window.count + 1 : 1;
      this.#callerWindows.set(key, { second, count });
      return count > limit;
    };
    if (overLimit(`caller:${String(req.headers.authorization ?? 'anonymous')}`, f.callerLimitPerSecond) || overLimit('host', f.hostLimitPerSecond)) {
      return { kind: 'reply', reply: throttled(f.retryAfterSeconds ?? 1) };
    }
    if (f.ratePathIncludes && !req.url.pathname.includes(f.ratePathIncludes)) return { kind: 'pass' };
    const roll = this.#random();
    if (roll < (f.resetRate ?? 0)) return { kind: 'reset' };
    if (roll < (f.resetRate ?? 0) + (f.throttleRate ?? 0)) return { kind: 'reply', reply: throttled(f.retryAfterSeconds ?? 1) };
    if (roll < (f.resetRate ?? 0) + (f.throttleRate ?? 0) + (f.errorRate ?? 0)) return { kind: 'reply', reply: serverError(f.errorStatus ?? 503) };
    return { kind: 'pass' };
  }
}

function refused(status: number, code: string, message: string): SimReply {
  return { status, body: { error: { code, message } } };
}

function serverError(status: number): SimReply {
  return { status, body: { error: { code: status === 503 ? 'ServiceUnavailable' : 'InternalServerError', message: 'The service is temporarily unavailable. Try again later.' } } };
}
