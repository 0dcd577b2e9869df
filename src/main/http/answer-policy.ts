/** Every answer read as a bounded stream: a body beyond the size cap is cut off there, and a 2xx that is not JSON (a sign-in page, a proxy's notice) is refused before anyone reads it as data. */
import { RestError, type PipelinePolicy, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { Readable } from 'node:stream';

/** RestError code of an answer larger than the cap (PAL Desk stopped reading it). */
export const ANSWER_TOO_LARGE = 'ANSWER_TOO_LARGE';
/** RestError code of a 2xx whose body is not JSON, as every Microsoft API here answers (a captive portal's or proxy's page). */
export const NOT_JSON_ANSWER = 'NOT_JSON_ANSWER';
export const ANSWER_POLICY_NAME = 'palDeskAnswer';

/** The same media types the deserializer parses as JSON (core-client: application/json, text/json), and any `+json` type. */
const JSON_TYPE = /^(application\/json|text\/json|application\/[\w.-]+\+json)$/i;

/** The failed answer without its body (never logged or kept); `limitBytes` says which cap it went beyond. */
const failure = (message: string, code: string, response: PipelineResponse, limitBytes?: number) =>
  Object.assign(new RestError(message, { code, statusCode: response.status, request: response.request, response: { ...response, bodyAsText: null } }), limitBytes ? { limitBytes } : {});

/**
 * Asks the HTTP client for every body as a stream (`POSITIVE_INFINITY`: any status) and reads it here, at most `maxBytes`; a
 * caller that asked for a stream itself (none does today) gets it as it is. Placed innermost, so the deserializer parses only
 * what this policy let through.
 */
export function answerPolicy(maxBytes: number): PipelinePolicy {
  return {
    name: ANSWER_POLICY_NAME,
    async sendRequest(request, next) {
      const own = request.streamResponseStatusCodes;
      request.streamResponseStatusCodes = new Set([Number.POSITIVE_INFINITY]);
      let response: PipelineResponse;
      try {
        response = await next(request);
      } finally {
        request.streamResponseStatusCodes = own;
      }
      const stream = response.readableStreamBody as Readable | undefined;
      if (!stream || own?.has(Number.POSITIVE_INFINITY) || own?.has(response.status)) return response;
      response.readableStreamBody = undefined;
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        stream.destroy();
        throw failure(`The answer is ${declared} bytes, more than the ${maxBytes} PAL Desk reads.`, ANSWER_TOO_LARGE, response, maxBytes);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        size += buffer.length;
        if (size > maxBytes) {
          stream.destroy();
          throw failure(`The answer grew beyond the ${maxBytes} bytes PAL Desk reads.`, ANSWER_TOO_LARGE, response, maxBytes);
        }
        chunks.push(buffer);
      }
      response.bodyAsText = Buffer.concat(chunks).toString('utf8');
      const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      if (response.status >= 200 && response.status < 300 && response.bodyAsText.length > 0 && type !== '' && !JSON_TYPE.test(type)) {
        throw failure(`A ${type} answer, not JSON.`, NOT_JSON_ANSWER, response);
      }
      return response;
    },
  };
}
