/** Typed results that cross IPC: success with a value, or an error code plus a message a person can act on. */

export const ERROR_CODES = [
  // generic
  'invalid-input',
  'forbidden-sender',
  'internal',
  'not-found',
  'offline',
  'cancelled',
  'timeout',
  'writer-busy',
  /** Another PAL Desk process kept the inventory database locked past the busy timeout. */
  'inventory-busy',
  /** SQLite reports the inventory database damaged: changes are refused until a restart sets it aside. */
  'inventory-damaged',
  /** A writer paused past its turn (Ctrl+Z, a laptop asleep) found another process writing when it resumed: it wrote nothing more. */
  'writer-lost',
  // settings / partner id
  'invalid-partner-id',
  // sign-in
  'not-a-member',
  'consent-required',
  'mfa-required',
  'blocked-by-conditional-access',
  'app-not-found-in-tenant',
  /** AADSTS65002: a first-party sign-in app that one Microsoft API never preauthorized (that API only; the others still answer). */
  'client-not-preauthorized',
  'session-expired',
  'interaction-required',
  'sign-in-cancelled',
  'sign-in-timeout',
  'wrong-tenant-token',
  'invalid-client-secret',
  'keychain-unavailable',
  'keychain-locked',
  'unknown-tenant',
  // partner link
  'read-back-mismatch',
  'access-denied',
  'conflict',
  'throttled',
  'service-unavailable',
  /** ARM does not serve the Partner Admin Link API here (a cloud where Microsoft does not document it): unknown, not a failure of the link. */
  'partner-link-api-unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** What happened and what to do next, in words a consultant can act on. Never a stack trace or a secret. */
  message: string;
  /** Optional structured detail safe to show (e.g. the other partner's ID, an admin-consent URL). */
  detail?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string, detail?: AppError['detail']): Result<never> => ({
  ok: false,
  error: detail ? { code, message, detail } : { code, message },
});

/** An error that services throw for expected failures; the IPC layer turns it into a Result. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly detail?: AppError['detail'];
  constructor(code: ErrorCode, message: string, detail?: AppError['detail']) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.detail = detail;
  }
}
