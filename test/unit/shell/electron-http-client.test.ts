import { createHttpHeaders, createPipelineRequest, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ANSWER_TOO_LARGE } from '../../../src/main/http/answer-policy';
import { toAppFailure } from '../../../src/main/http/http-errors';
import { createHttpPipeline } from '../../../src/main/http/pipeline';
import { HostRateLimiter } from '../../../src/main/http/rate-limiter';
import { createElectronHttpClient } from '../../../src/main/shell/electron-http-client';
import { fakeNet, hanging, type Answer } from './fake-net';

/** Fails the way Electron's net.fetch does when Chromium's network stack gives up. */
const failingWith = (netError: string): Answer => () => Promise.reject(new Error(`net::${netError}`));

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }));

const context = { service: 'Power Platform', tenant: 'Contoso' };

/** The pipeline every call uses (no retries unless asked), on Electron's network. */
function callThroughPipeline(httpClient: HttpClient, options: Partial<Parameters<typeof createHttpPipeline>[0]> = {}, request: Partial<PipelineRequest> = {}) {
  const pipeline = createHttpPipeline({ limiter: new HostRateLimiter({ perSecond: 1000, burst: 1000 }), retry: { maxRetries: 0 }, ...options });
  return pipeline.sendRequest(httpClient, createPipelineRequest({ url: 'https://api.bap.microsoft.com/providers/x', ...request }));
}

const failureOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    return toAppFailure(error, context);
  }
  throw new Error('the call did not fail');
};

describe('the HTTP client on Electron\'s net', () => {
  it('sends the method, headers and body through net.fetch, with no redirect followed, no session cookies and nothing cached on disk', async () => {
    const { net, calls } = fakeNet(json(200, { id: 'x' }));
    const request = createPipelineRequest({
      url: 'https://management.azure.com/providers/Microsoft.ManagementPartner/partners/123?api-version=2018-02-01',
      method: 'PUT',
      headers: createHttpHeaders({ authorization: 'Bearer token', 'content-type': 'application/json' }),
      body: '{"partnerId":"123"}',
    });
    const response = await createElectronHttpClient(net).sendRequest(request);
    expect(calls[0]?.url).toBe(request.url);
    expect(calls[0]?.init).toMatchObject({
      method: 'PUT',
      body: '{"partnerId":"123"}',
      headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
      redirect: 'error',
      credentials: 'omit',
      cache: 'no-store',
    });
    expect(response.status).toBe(200);
    expect(response.bodyAsText).toBe('{"id":"x"}');
  });

  it('tells a redirect instead of the answer (which Electron refuses to follow) as a sign-in page or proxy answering', async () => {
    const { net } = fakeNet(() => Promise.reject(new Error("Attempted to redirect, but redirect policy was 'error'")));
    const failure = await failureOf(callThroughPipeline(createElectronHttpClient(net)));
    expect(failure.code).toBe('service-unavailable');
    expect(failure.message).toMatch(/A sign-in page or proxy answered instead of Power Platform for Contoso: sign in to the network/);
  });

  it('brings a 429 answer back with its Retry-After and content type, and the pipeline says until when the service throttles', async () => {
    const { net } = fakeNet(json(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '120' }));
    const response = await createElectronHttpClient(net).sendRequest(createPipelineRequest({ url: 'https://api.powerbi.com/v1.0/myorg/admin/groups' }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.bodyAsText).toBe('{"error":{"code":"TooManyRequests"}}');

    const failure = await failureOf(callThroughPipeline(createElectronHttpClient(net), { retry: { maxRetries: 1, maxRetryAfterMs: 1_000 } }));
    expect(failure.code).toBe('throttled');
    expect(Date.parse(String(failure.detail?.retryAt)) - Date.now()).toBeGreaterThan(100_000);
  });

  it('hands the body over as a Node Readable when asked for a stream, which the pipeline reads with its size cap', async () => {
    const { net } = fakeNet(json(200, { value: [1, 2, 3] }));
    const request = createPipelineRequest({ url: 'https://api.flow.microsoft.com/x', streamResponseStatusCodes: new Set([Number.POSITIVE_INFINITY]) });
    const response = await createElectronHttpClient(net).sendRequest(request);
    expect(response.readableStreamBody).toBeInstanceOf(Readable);
    const chunks: Buffer[] = [];
    for await (const chunk of response.readableStreamBody as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"value":[1,2,3]}');

    const big = fakeNet(() => Promise.resolve(new Response('x'.repeat(5_000), { status: 200, headers: { 'content-type': 'application/json' } })));
    const tooBig = await callThroughPipeline(createElectronHttpClient(big.net), { maxResponseBytes: 1_000 }).catch((error: unknown) => error);
    expect((tooBig as { code?: string }).code).toBe(ANSWER_TOO_LARGE);
    const read = await callThroughPipeline(createElectronHttpClient(fakeNet(json(200, { value: [] })).net));
    expect(read.bodyAsText).toBe('{"value":[]}');
  });

  it('cancels the request in flight when the caller aborts, reported as cancelled', async () => {
    const { net, calls } = fakeNet(hanging);
    const caller = new AbortController();
    const pending = failureOf(callThroughPipeline(createElectronHttpClient(net), {}, { abortSignal: caller.signal }));
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    caller.abort();
    expect((await pending).code).toBe('cancelled');
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('gives up on a request that outlasts the pipeline\'s timeout, or its own, reported as a timeout', async () => {
    const { net, calls } = fakeNet(hanging);
    const failure = await failureOf(callThroughPipeline(createElectronHttpClient(net), { timeoutMs: 20 }));
    expect(failure.code).toBe('timeout');
    expect(calls[0]?.init.signal?.aborted).toBe(true);

    const own = await createElectronHttpClient(net).sendRequest(createPipelineRequest({ url: 'https://api.bap.microsoft.com/x', timeout: 20 })).catch((error: unknown) => error);
    expect(toAppFailure(own, context).code).toBe('timeout');
  });

  it('tells Chromium\'s network errors as the failures Node\'s would be, saying what to do', async () => {
    const cases: [string, string, RegExp][] = [
      ['ERR_INTERNET_DISCONNECTED', 'offline', /not connected to a network/],
      ['ERR_NAME_NOT_RESOLVED', 'offline', /Check your connection/],
      ['ERR_CONNECTION_REFUSED', 'offline', /Check your connection/],
      ['ERR_PROXY_CONNECTION_FAILED', 'offline', /^Power Platform cannot be reached for Contoso\. Check the proxy in the computer's network settings.*\(net::ERR_PROXY_CONNECTION_FAILED\)$/],
      ['ERR_TUNNEL_CONNECTION_FAILED', 'offline', /proxy in the computer's network settings/],
      ['ERR_CONNECTION_TIMED_OUT', 'timeout', /did not answer in time/],
      ['ERR_CERT_AUTHORITY_INVALID', 'service-unavailable', /could not be verified \(ERR_CERT_AUTHORITY_INVALID\).*operating system's certificate store/],
    ];
    for (const [netError, code, message] of cases) {
      const failure = await failureOf(callThroughPipeline(createElectronHttpClient(fakeNet(failingWith(netError)).net)));
      expect(failure.code, netError).toBe(code);
      expect(failure.message, netError).toMatch(message);
    }
  });

  it('retries a read whose proxy failed once, as it would a refused connection', async () => {
    let attempts = 0;
    const { net } = fakeNet((url, init) => (++attempts === 1 ? failingWith('ERR_PROXY_CONNECTION_FAILED')(url, init) : json(200, { ok: true })()));
    const response = await callThroughPipeline(createElectronHttpClient(net), { retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    expect(response.status).toBe(200);
    expect(attempts).toBe(2);
  });
});
