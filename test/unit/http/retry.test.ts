import { createHttpHeaders, createPipelineRequest, RestError, type PipelineResponse } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { RETRY_AFTER_BEYOND_CAP, retryAfterMs, retryStrategies } from '../../../src/main/http/retry';

const headers = (values: Record<string, string>) => createHttpHeaders(values);
const response = (status: number, values: Record<string, string> = {}): PipelineResponse => ({
  status,
  headers: headers(values),
  request: createPipelineRequest({ url: 'https://api.bap.microsoft.com/x' }),
});

/** What the strategies decide, in order, for one attempt: the first that does not skip wins. */
const decide = (info: { retryCount?: number; response?: PipelineResponse; responseError?: RestError }, options = {}) => {
  for (const strategy of retryStrategies(options)) {
    const modifiers = strategy.retry({ retryCount: info.retryCount ?? 0, response: info.response, responseError: info.responseError });
    if (!modifiers.skipStrategy) return modifiers;
  }
  return { skipStrategy: true };
};

describe('reading how long a service asks to wait', () => {
  it('reads Retry-After in seconds', () => {
    expect(retryAfterMs(headers({ 'retry-after': '7' }))).toBe(7_000);
  });

  it('reads Retry-After as an HTTP date, relative to now, and a date in the past as no wait', () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(retryAfterMs(headers({ 'retry-after': 'Fri, 01 May 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(headers({ 'retry-after': 'Fri, 01 May 2026 09:00:00 GMT' }), now)).toBe(0);
  });

  it('prefers the millisecond headers retry-after-ms and x-ms-retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(headers({ 'x-ms-retry-after-ms': '1500' }))).toBe(1_500);
  });

  it('says nothing when no header is there or it cannot be read', () => {
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});

describe('deciding whether to retry', () => {
  it('waits exactly as long as a throttled answer asks, when that is within the cap', () => {
    expect(decide({ response: response(429, { 'retry-after': '2' }) })).toEqual({ retryAfterInMs: 2_000 });
    expect(decide({ response: response(503, { 'retry-after-ms': '60000' }) })).toEqual({ retryAfterInMs: 60_000 });
  });

  it('does not wait beyond the cap (60 s by default): it fails at once with the throttled answer', () => {
    const answer = response(429, { 'retry-after': '61' });
    const decision = decide({ response: answer });
    expect(decision).toMatchObject({ errorToThrow: { code: RETRY_AFTER_BEYOND_CAP, statusCode: 429 } });
    expect((decision as { errorToThrow: RestError }).errorToThrow.response).toBe(answer);
    expect(decide({ response: response(429, { 'retry-after': '2' }) }, { maxRetryAfterMs: 1_000 })).toHaveProperty('errorToThrow');
  });

  it('backs off exponentially, with jitter and a ceiling, on 5xx, 408 and a 429 without Retry-After', () => {
    for (const status of [500, 502, 503, 504, 408, 429]) {
      const first = decide({ retryCount: 0, response: response(status) }).retryAfterInMs ?? -1;
      expect(first, String(status)).toBeGreaterThanOrEqual(100);
      expect(first, String(status)).toBeLessThanOrEqual(200);
    }
    const third = decide({ retryCount: 2, response: response(500) }).retryAfterInMs ?? -1;
    expect(third).toBeGreaterThanOrEqual(400);
    expect(third).toBeLessThanOrEqual(800);
    expect(decide({ retryCount: 10, response: response(500) }).retryAfterInMs).toBeLessThanOrEqual(2_000);
  });

  it('retries network errors (reset, refused, unreachable) and nothing else', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH']) {
      expect(decide({ responseError: new RestError('down', { code }) }), code).toHaveProperty('retryAfterInMs');
    }
    expect(decide({ responseError: new RestError('bad certificate', { code: 'SELF_SIGNED_CERT_IN_CHAIN' }) })).toEqual({ skipStrategy: true });
    for (const status of [200, 400, 401, 403, 404, 409, 501]) expect(decide({ response: response(status) }), String(status)).toEqual({ skipStrategy: true });
  });
});
