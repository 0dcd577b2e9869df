import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { ANSWER_TOO_LARGE, NOT_JSON_ANSWER } from '../../../src/main/http/answer-policy';
import { toAppFailure } from '../../../src/main/http/http-errors';
import { RequestTimeoutError } from '../../../src/main/http/pipeline';
import { RETRY_AFTER_BEYOND_CAP } from '../../../src/main/http/retry';
import { armFailure } from '../../../src/main/pal/partner-link-api';
import { AppFailure } from '../../../src/shared/result';

const context = { service: 'Power Platform', tenant: 'Contoso' };
const answered = (status: number, headers: Record<string, string> = {}, code?: string) =>
  new RestError(`HTTP ${status}`, { statusCode: status, code, response: { status, headers: createHttpHeaders(headers), request: createPipelineRequest({ url: 'https://x' }) } });

describe('mapping a failed call to a failure a person can act on', () => {
  it('names the service and the tenant, and says what to do, for each kind of answer', () => {
    const cases: [number, string, RegExp][] = [
      [400, 'invalid-input', /Power Platform refused the request for Contoso/],
      [401, 'session-expired', /sign-in to Contoso is no longer valid: sign in again/],
      [403, 'access-denied', /signed in to Contoso may not do this in Power Platform/],
      [404, 'not-found', /Power Platform found nothing/],
      [409, 'conflict', /conflicting change in Contoso/],
      [429, 'throttled', /Power Platform is throttling requests for Contoso/],
      [503, 'service-unavailable', /Power Platform had a problem \(HTTP 503\) in Contoso/],
    ];
    for (const [status, code, message] of cases) expect(toAppFailure(answered(status), context), String(status)).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('tells offline, timeout and cancel apart', () => {
    expect(toAppFailure(new RestError('refused', { code: 'ECONNREFUSED' }), context)).toMatchObject({ code: 'offline', message: expect.stringContaining('Power Platform cannot be reached for Contoso') });
    expect(toAppFailure(new RequestTimeoutError('https://api.bap.microsoft.com/x', 30_000), context)).toMatchObject({ code: 'timeout' });
    expect(toAppFailure(new DOMException('stop', 'AbortError'), context)).toMatchObject({ code: 'cancelled' });
  });

  it('keeps the request id of the failed answer', () => {
    expect(toAppFailure(answered(403, { 'x-ms-request-id': 'abc' }), context).detail).toEqual({ requestId: 'abc' });
    expect(toAppFailure(answered(403, { 'request-id': 'def' }), context).detail).toEqual({ requestId: 'def' });
  });

  it("keeps the service's own code of a refusal, so Power BI's \"not a Fabric admin\" 401 can be told from a lost sign-in", () => {
    const refused = (status: number, parsedBody: unknown) =>
      new RestError(`HTTP ${status}`, { statusCode: status, response: { status, headers: createHttpHeaders(), request: createPipelineRequest({ url: 'https://x' }), parsedBody } as never });
    const code = 'PowerBINotAuthorizedException';
    const notAdmin = toAppFailure(refused(401, { error: { code, 'pbi.error': { code, parameters: {}, details: [], exceptionCulprit: 1 } } }), context);
    expect(notAdmin).toMatchObject({ code: 'session-expired', detail: { serviceCode: code } });
    expect(toAppFailure(refused(401, { error: { code: 'TokenExpired' } }), context).detail).toEqual({ serviceCode: 'TokenExpired' });
    expect(toAppFailure(refused(401, 'not json'), context).detail).toBeUndefined();
    expect(toAppFailure(refused(500, { error: { code: 'InternalServerError' } }), context).detail).toBeUndefined();
  });

  it('gives the time to retry of a throttled answer, and says so in words when it was beyond the cap', () => {
    const failure = toAppFailure(answered(429, { 'retry-after': '3600' }, RETRY_AFTER_BEYOND_CAP), context);
    expect(failure.code).toBe('throttled');
    expect(Date.parse(String(failure.detail?.retryAt)) - Date.now()).toBeGreaterThan(3_590_000);
    expect(failure.message).toMatch(/throttling requests for Contoso until .+ Try again after that/);
  });

  it('says a sign-in page or proxy answered for a 200 that is not JSON, and names the cap an answer went beyond; neither is run again at once', () => {
    const portal = toAppFailure(answered(200, {}, NOT_JSON_ANSWER), context);
    expect(portal).toMatchObject({ code: 'service-unavailable', detail: { final: true } });
    expect(portal.message).toBe('A sign-in page or proxy answered instead of Power Platform for Contoso: sign in to the network (open any web page in your browser), then try again.');
    expect(toAppFailure(answered(200, {}, 'PARSE_ERROR'), context).message).toMatch(/^A sign-in page or proxy answered instead of Power Platform/);
    const huge = toAppFailure(Object.assign(answered(200, {}, ANSWER_TOO_LARGE), { limitBytes: 50 * 1024 * 1024 }), context);
    expect(huge).toMatchObject({ code: 'service-unavailable', detail: { final: true } });
    expect(huge.message).toMatch(/^Power Platform sent more than 50 MB for Contoso; PAL Desk stopped reading the answer there\./);
  });

  it('passes a failure that already speaks to the person (e.g. from sign-in) through unchanged', () => {
    const signIn = new AppFailure('mfa-required', 'Sign-in to Contoso needs multi-factor authentication (MFA): sign in again to continue.');
    expect(toAppFailure(signIn, context)).toBe(signIn);
  });

  it('keeps the partner-link wording for ARM', () => {
    expect(armFailure(answered(400), 'Contoso', 'r1')).toMatchObject({ code: 'invalid-input', message: 'Azure refused the partner ID for Contoso. Check it is your Associated MPN ID (digits only).', detail: { requestId: 'r1' } });
    expect(armFailure(new RestError('refused', { code: 'ECONNREFUSED' }), 'Contoso', null)).toMatchObject({
      code: 'offline',
      message: 'Azure cannot be reached for Contoso. Check your connection; PAL Desk keeps the action queued.',
    });
    expect(armFailure(answered(429), 'Contoso', null).message).toBe('Azure is throttling requests for Contoso. PAL Desk will retry; try again in a minute.');
    expect(armFailure(answered(502), 'Contoso', null).message).toBe('Azure had a problem (HTTP 502) in Contoso. Try again in a few minutes.');
  });
});
