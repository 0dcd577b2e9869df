/** One read-only GET of a first page for the doctor: its status, request id and time, with a failure mapped as everywhere else in PAL Desk. */
import type { DoctorFailure } from '../../shared/doctor-types';
import { AppFailure } from '../../shared/result';
import { toAppFailure } from '../http/http-errors';
import type { RestClient } from '../http/rest-client';

/** Every error status is handed back (after the pipeline's retries) so its line can show it; it is then mapped here. */
const ERROR_STATUSES = Array.from({ length: 200 }, (_, i) => 400 + i);

export interface ProbeResult {
  status: number | null;
  requestId: string | null;
  ms: number;
  body: unknown;
  failure: DoctorFailure | null;
}

export interface ProbeContext {
  /** The service as a person knows it, for messages. */
  service: string;
  /** The customer's name, for messages. */
  tenant: string;
}

/** A failure as a report line holds it: code, message and the AADSTS code sign-in gave, nothing else. */
export const failureOf = (error: AppFailure): DoctorFailure => ({
  code: error.code,
  message: error.message,
  aadsts: typeof error.detail?.aadsts === 'string' ? error.detail.aadsts : null,
});

/** GETs `url` once through the shared pipeline (its retries and timeout included); never throws. */
export async function probe(rest: RestClient, url: string, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const r = await rest.get<unknown>(url, { accept: ERROR_STATUSES });
    const failure = r.status >= 400 ? failureOf(toAppFailure({ statusCode: r.status, response: { status: r.status, headers: r.headers } }, { ...ctx, requestId: r.requestId })) : null;
    return { status: r.status, requestId: r.requestId, ms: ms(), body: r.body, failure };
  } catch (error) {
    const failure = error instanceof AppFailure ? error : toAppFailure(error, ctx);
    const requestId = typeof failure.detail?.requestId === 'string' ? failure.detail.requestId : null;
    return { status: null, requestId, ms: ms(), body: null, failure: failureOf(failure) };
  }
}
