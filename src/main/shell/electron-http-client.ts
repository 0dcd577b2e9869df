/** The pipeline's HttpClient on Electron's `net` (Chromium's network stack: the OS proxy settings, PAC files and certificate store). */
import { createHttpHeaders, RestError, type HttpClient, type PipelineRequest, type PipelineResponse, type RequestBodyType } from '@azure/core-rest-pipeline';
import type { Net } from 'electron';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { NOT_JSON_ANSWER } from '../http/answer-policy';
import { isRedirectRefusal, NET_REQUEST_OPTIONS, netErrorOf, REDIRECT_ADVICE, toNetFailure } from './electron-net-errors';

/** The part of Electron's `net` this client uses (tests hand in a stand-in). */
export type NetFetch = Pick<Net, 'fetch'>;

/** A request cancelled by its AbortSignal (the pipeline's timeout policy turns its own cancel into a timeout). */
const abortError = () => Object.assign(new Error('The request was cancelled.'), { name: 'AbortError' });

/** A request that ran beyond `request.timeout`, as pipeline.ts's timeout policy reports one. */
const timeoutError = (request: PipelineRequest) =>
  Object.assign(new Error(`${new URL(request.url).host} did not answer within ${request.timeout} ms.`), { name: 'TimeoutError', code: 'ETIMEDOUT' });

/** A body Chromium can send: strings, bytes, blobs and streams; a Node stream is handed over as a web stream. */
function bodyOf(body: RequestBodyType | undefined): BodyInit | undefined {
  const value = typeof body === 'function' ? body() : body;
  if (value === null || value === undefined) return undefined;
  if (value instanceof Readable) return Readable.toWeb(value) as unknown as BodyInit;
  return value as BodyInit;
}

/** A net::ERR_* failure as the RestError Node's client would have thrown (same code), its message saying what to do. */
function toRestError(error: unknown, request: PipelineRequest): unknown {
  // Not the API's answer: told as answer-policy tells a 2xx that is not JSON (a captive portal's or proxy's page).
  if (isRedirectRefusal(error)) return Object.assign(new RestError(REDIRECT_ADVICE, { code: NOT_JSON_ANSWER, request }), { advice: REDIRECT_ADVICE });
  const netError = netErrorOf(error);
  if (!netError) return error;
  const failure = toNetFailure(netError);
  const advice = `${failure.advice} (net::${netError})`;
  return Object.assign(new RestError(advice, { code: failure.code, request }), { netError, advice });
}

/** `request.tlsSettings`, `agent` and `proxySettings` are not read: Chromium takes the proxy and trusted CAs from the OS. */
export function createElectronHttpClient(net: NetFetch): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      if (request.formData || request.multipartBody) throw new RestError('PAL Desk sends no form or multipart bodies.', { code: 'REQUEST_SEND_ERROR', request });
      const caller = request.abortSignal;
      if (caller?.aborted) throw abortError();
      const attempt = new AbortController();
      let timedOut = false;
      const timer = request.timeout > 0 ? setTimeout(() => ((timedOut = true), attempt.abort()), request.timeout) : undefined;
      const forward = () => attempt.abort();
      caller?.addEventListener('abort', forward);
      const done = () => {
        clearTimeout(timer);
        caller?.removeEventListener('abort', forward);
      };
      const failed = (error: unknown) => (timedOut ? timeoutError(request) : attempt.signal.aborted ? abortError() : toRestError(error, request));
      let answer: Response;
      try {
        const body = bodyOf(request.body);
        answer = await net.fetch(request.url, {
          method: request.method,
          headers: request.headers.toJSON(),
          body,
          ...NET_REQUEST_OPTIONS,
          signal: attempt.signal,
          ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
        } as RequestInit);
      } catch (error) {
        done();
        throw failed(error);
      }
      const headers = createHttpHeaders();
      answer.headers.forEach((value, name) => headers.set(name, value));
      const response: PipelineResponse = { request, status: answer.status, headers };
      const streamed = request.streamResponseStatusCodes?.has(Number.POSITIVE_INFINITY) || request.streamResponseStatusCodes?.has(answer.status);
      if (streamed && answer.body) {
        const stream = Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>);
        // The timeout and the caller's cancel keep watching until the body has been read (or given up).
        stream.once('close', done);
        response.readableStreamBody = stream;
        return response;
      }
      try {
        response.bodyAsText = streamed ? null : await answer.text();
      } catch (error) {
        throw failed(error);
      } finally {
        done();
      }
      return response;
    },
  };
}
