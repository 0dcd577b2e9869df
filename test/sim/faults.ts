/** Faults on demand: latency, slow token endpoint, 429 with Retry-After, 5xx, dropped connections, requests never answered, per-caller throttling. */
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
   * the request is carried out, then its connection is dropped before the answer, as when a network fails mid-call).
   */
  next?: { kind: '401' | '403' | '429' | '5xx' | 'reset' | 'hang' | 'lost-answer'; count: number; pathIncludes?: string; method?: string }[];
}

export type FaultDecision = { kind: 'pass' } | { kind: 'reply'; reply: SimReply } | { kind: 'reset' } | { kind: 'hang' } | { kind: 'lost-answer' };

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
