/** One mapping from a failed call (HTTP status, network error, timeout, cancel) to an AppFailure naming the service and the tenant and saying what to do. */
import { AppFailure, type AppError, type ErrorCode } from '../../shared/result';
import { ANSWER_TOO_LARGE, NOT_JSON_ANSWER } from './answer-policy';
import { NETWORK_ERROR_CODES, RETRY_AFTER_BEYOND_CAP, retryAfterMs } from './retry';

export interface FailureContext {
  /** The service as a person knows it: Azure, Power Platform, Power BI … */
  service: string;
  /** The customer's name. */
  tenant: string;
  /** The call's x-ms-request-id when known (else taken from the failed response). */
  requestId?: string | null;
  /** Wording of one API that says more than the generic messages (e.g. ARM: a 400 means a bad partner ID). */
  messages?: Partial<Record<ErrorCode, string>>;
}

interface Headers {
  get(name: string): string | undefined;
}

interface FailedCall {
  name?: string;
  /** The cap an answer went beyond (ANSWER_TOO_LARGE). */
  limitBytes?: number;
  code?: unknown;
  statusCode?: number;
  response?: { status: number; headers: Headers; parsedBody?: unknown };
  /** What to do about a failure of the host's network, when it knows better than "check your connection" (Electron's: the OS proxy settings, the certificate store). */
  advice?: unknown;
}

/** The request id of a response: x-ms-request-id, else request-id. */
export const requestIdOf = (response: { headers: Headers } | undefined): string | null =>
  response?.headers.get('x-ms-request-id') ?? response?.headers.get('request-id') ?? null;

/** The service's own error code in a JSON error body (`{"error":{"code":"PowerBINotAuthorizedException",…}}`), when it names one. */
const serviceCodeOf = (body: unknown): string | null => {
  const code = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown } }).error?.code : undefined;
  return typeof code === 'string' && /^[\w.-]{1,100}$/.test(code) ? code : null;
};

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/;

/** Maps any failure of a call to an AppFailure; an AppFailure (e.g. from sign-in) passes through unchanged. */
export function toAppFailure(error: unknown, context: FailureContext): AppFailure {
  if (error instanceof AppFailure) return error;
  const failed: FailedCall = typeof error === 'object' && error !== null ? (error as FailedCall) : {};
  const { service: s, tenant: t } = context;
  const code = typeof failed.code === 'string' ? failed.code : '';
  const status = failed.statusCode ?? failed.response?.status;
  const advice = typeof failed.advice === 'string' ? failed.advice : null;
  const detail: NonNullable<AppError['detail']> = {};
  const requestId = context.requestId ?? requestIdOf(failed.response);
  if (requestId) detail.requestId = requestId;
  // Who may not do what is told by the service's own code (Power BI: PowerBINotAuthorizedException = not a Fabric admin).
  const serviceCode = status === 401 || status === 403 ? serviceCodeOf(failed.response?.parsedBody) : null;
  if (serviceCode) detail.serviceCode = serviceCode;
  const fail = (errorCode: ErrorCode, generic: string, extra: AppError['detail'] = {}) => {
    const all = { ...detail, ...extra };
    return new AppFailure(errorCode, context.messages?.[errorCode] ?? generic, Object.keys(all).length > 0 ? all : undefined);
  };

  // Not the API's answer: running the same read again at once would meet the same network, so it is final for this sync.
  if (code === NOT_JSON_ANSWER || (code === 'PARSE_ERROR' && status !== undefined && status >= 200 && status < 300)) {
    return fail('service-unavailable', `A sign-in page or proxy answered instead of ${s} for ${t}: sign in to the network (open any web page in your browser), then try again.`, { final: true });
  }
  if (code === ANSWER_TOO_LARGE) {
    const mb = Math.round((failed.limitBytes ?? 0) / (1024 * 1024));
    return fail('service-unavailable', `${s} sent more than ${mb} MB for ${t}; PAL Desk stopped reading the answer there. A proxy may be answering instead: check the network, then try again.`, { final: true });
  }
  if (failed.name === 'AbortError') return fail('cancelled', `The request to ${s} for ${t} was cancelled.`);
  if (failed.name === 'TimeoutError' || code === 'ESOCKETTIMEDOUT' || (status === undefined && code === 'ETIMEDOUT')) {
    return fail('timeout', `${s} did not answer in time for ${t}. Try again.`);
  }
  if (status === undefined && NETWORK_ERROR_CODES.has(code)) {
    return fail('offline', `${s} cannot be reached for ${t}. ${advice ?? 'Check your connection and try again.'}`);
  }
  if (status === undefined && TLS_CODES.test(code)) {
    return new AppFailure('service-unavailable', `The connection to ${s} for ${t} could not be verified (${code}). ${advice ?? 'Check for a proxy or network filter, then try again.'}`, detail);
  }
  if (status === 429 || (status === 503 && failed.response && retryAfterMs(failed.response.headers) !== undefined)) {
    const wait = failed.response ? retryAfterMs(failed.response.headers) : undefined;
    const retryAt = wait === undefined ? null : new Date(Date.now() + wait);
    // The service is named so a sync can say who asked it to wait ("Power Automate asked PAL Desk to wait: …").
    const extra: Record<string, string> = retryAt ? { retryAt: retryAt.toISOString(), service: s } : { service: s };
    if (code === RETRY_AFTER_BEYOND_CAP && retryAt) {
      return new AppFailure('throttled', `${s} is throttling requests for ${t} until ${retryAt.toLocaleTimeString()}. Try again after that; a queued action waits until then.`, { ...detail, ...extra });
    }
    return fail('throttled', `${s} is throttling requests for ${t}. PAL Desk will retry; try again in a minute.`, extra);
  }
  switch (status) {
    case 400:
      return fail('invalid-input', `${s} refused the request for ${t} (HTTP 400). Try again; if it keeps failing, report it with the request id.`);
    case 401:
      return fail('session-expired', `The sign-in to ${t} is no longer valid: sign in again, then try again.`);
    case 403:
      return fail('access-denied', `The account signed in to ${t} may not do this in ${s}. Ask the customer's admin for access, or sign in with the account you deliver with.`);
    case 404:
      return fail('not-found', `${s} found nothing at this address for ${t}. Refresh and try again.`);
    case 409:
      return fail('conflict', `${s} reports a conflicting change in ${t}. Refresh, then try again.`);
  }
  if (status !== undefined && status >= 500) {
    return fail('service-unavailable', `${s} had a problem (HTTP ${status}) in ${t}. Try again in a few minutes.`);
  }
  if (code === 'PARSE_ERROR') return fail('service-unavailable', `${s} gave an answer PAL Desk cannot read for ${t}. Try again later.`);
  return fail('internal', `The call to ${s} for ${t} failed unexpectedly${status ? ` (HTTP ${status})` : ''}. Try again.`);
}
