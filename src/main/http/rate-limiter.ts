/** Per-host request rate limiter (token bucket) and the pipeline policy that applies it to every attempt of every call. */
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';

export interface RateLimit {
  /** Requests allowed per second per host (sustained). */
  perSecond: number;
  /** Requests allowed in a burst. */
  burst: number;
}

interface Bucket {
  tokens: number;
  updated: number;
  waiters: (() => void)[];
  timer: ReturnType<typeof setTimeout> | null;
}

/** Hands out request slots per host so a bulk job never floods one Microsoft endpoint. */
export class HostRateLimiter {
  readonly #limit: RateLimit;
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;

  constructor(limit: RateLimit, now: () => number = () => performance.now()) {
    this.#limit = limit;
    this.#now = now;
  }

  /** Resolves when a request to `host` may be sent. */
  acquire(host: string): Promise<void> {
    const bucket = this.#bucket(host);
    this.#refill(bucket);
    if (bucket.waiters.length === 0 && bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      bucket.waiters.push(resolve);
      this.#schedule(bucket);
    });
  }

  #bucket(host: string): Bucket {
    let bucket = this.#buckets.get(host);
    if (!bucket) {
      bucket = { tokens: this.#limit.burst, updated: this.#now(), waiters: [], timer: null };
      this.#buckets.set(host, bucket);
    }
    return bucket;
  }

  #refill(bucket: Bucket): void {
    const now = this.#now();
    bucket.tokens = Math.min(this.#limit.burst, bucket.tokens + ((now - bucket.updated) / 1000) * this.#limit.perSecond);
    bucket.updated = now;
  }

  #schedule(bucket: Bucket): void {
    if (bucket.timer) return;
    const wait = Math.max(0, ((1 - bucket.tokens) / this.#limit.perSecond) * 1000);
    bucket.timer = setTimeout(() => {
      bucket.timer = null;
      this.#refill(bucket);
      while (bucket.waiters.length > 0 && bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.waiters.shift()?.();
      }
      if (bucket.waiters.length > 0) this.#schedule(bucket);
    }, wait);
  }
}

/** A pipeline policy: every attempt (retries included) waits for its host's slot; a cancelled request stops waiting. */
export function rateLimitPolicy(limiter: HostRateLimiter): PipelinePolicy {
  return {
    name: RATE_LIMIT_POLICY_NAME,
    async sendRequest(request, next) {
      await untilAborted(limiter.acquire(new URL(request.url).host), request.abortSignal);
      return next(request);
    },
  };
}

export const RATE_LIMIT_POLICY_NAME = 'palDeskHostRateLimit';

const cancelled = () => new DOMException('The request was cancelled while waiting for its turn.', 'AbortError');

function untilAborted(wait: Promise<void>, signal: PipelineRequest['abortSignal']): Promise<void> {
  if (!signal) return wait;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort);
    wait.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
