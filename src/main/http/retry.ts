/** When to retry a call: Retry-After (capped) on throttling, exponential backoff on 5xx and network errors. */
import { RestError, type PipelineResponse, type RetryStrategy } from '@azure/core-rest-pipeline';

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** The longest Retry-After worth waiting for (default 60 s); a longer one fails at once as 'throttled' with the time to retry. */
  maxRetryAfterMs?: number;
  /** First backoff when the service says nothing about waiting (default 200 ms); doubled on every retry. */
  baseDelayMs?: number;
  /** Longest backoff (default 2 s). */
  maxDelayMs?: number;
}

export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** RestError code of a throttled answer whose Retry-After is beyond the cap: the call fails at once instead of waiting. */
export const RETRY_AFTER_BEYOND_CAP = 'RETRY_AFTER_BEYOND_CAP';

/** Error codes of a request that never got an answer from the network; worth retrying, and "offline" when retries run out. */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'REQUEST_SEND_ERROR',
]);

interface HeaderSource {
  get(name: string): string | undefined;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** How long a response asks to wait, in ms: `retry-after-ms` / `x-ms-retry-after-ms`, else `Retry-After` in seconds or as an HTTP date; undefined when it does not say. */
export function retryAfterMs(headers: HeaderSource, now: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = headers.get(name)?.trim();
    if (value && NUMBER.test(value)) return Number(value);
  }
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (NUMBER.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Network errors raised before a request could reach the service: even a write is safe to send again. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const isThrottling = (status: number) => status === 429 || status === 503;
const isRetryableStatus = (status: number) => status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
/** A write is sent again only when the service surely did not apply it: throttled, or never reached; a lost answer is left to the caller to reconcile. */
const isWrite = (method: string | undefined) => method !== undefined && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/** The strategies our retry policy runs, in order: Retry-After first, backoff otherwise. */
export function retryStrategies(options: RetryOptions = {}): RetryStrategy[] {
  return [cappedRetryAfter(options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS), exponentialBackoff(options.baseDelayMs ?? 200, options.maxDelayMs ?? 2_000)];
}

/** Waits as long as a throttled answer asks, up to `capMs`; beyond it, fails at once so the caller can queue the action. */
function cappedRetryAfter(capMs: number): RetryStrategy {
  return {
    name: 'palDeskRetryAfter',
    retry({ response }) {
      if (!response || !isThrottling(response.status)) return { skipStrategy: true };
      const wait = retryAfterMs(response.headers);
      if (wait === undefined) return { skipStrategy: true };
      if (wait > capMs) return { errorToThrow: beyondCap(response, wait, capMs) };
      return { retryAfterInMs: wait };
    },
  };
}

function beyondCap(response: PipelineResponse, wait: number, capMs: number): RestError {
  return new RestError(`The service asks to wait ${Math.ceil(wait / 1000)} s, longer than the ${capMs / 1000} s PAL Desk waits for.`, {
    code: RETRY_AFTER_BEYOND_CAP,
    statusCode: response.status,
    request: response.request,
    response,
  });
}

/** Exponential backoff with jitter for 408, 429 and 5xx answers without Retry-After, and for network errors (for writes: only throttling and requests that never left). */
function exponentialBackoff(baseMs: number, maxMs: number): RetryStrategy {
  return {
    name: 'palDeskBackoff',
    retry({ retryCount, response, responseError }) {
      const write = isWrite(response?.request.method ?? responseError?.request?.method);
      const code = responseError?.code ?? '';
      const retryable = response
        ? write
          ? isThrottling(response.status)
          : isRetryableStatus(response.status)
        : write
          ? NOT_SENT_CODES.has(code)
          : NETWORK_ERROR_CODES.has(code);
      if (!retryable) return { skipStrategy: true };
      const delay = Math.min(maxMs, baseMs * 2 ** retryCount);
      return { retryAfterInMs: delay / 2 + Math.random() * (delay / 2) };
    },
  };
}
