/** Keeps the Entra ID error code (AADSTSnnnn) of a failed sign-in on the failure, so a support report can name it. */
import { AppFailure } from '../../shared/result';

/** The first AADSTS code in an msal-node / Entra ID error, or null. */
export function aadstsOf(error: unknown): string | null {
  if (!(error instanceof Error) || error instanceof AppFailure) return null;
  const e = error as { errorCode?: string; errorMessage?: string };
  return /AADSTS\d+/.exec(`${e.errorCode ?? ''} ${e.errorMessage ?? ''} ${error.message}`)?.[0] ?? null;
}

/** The failure with `detail.aadsts` set from the error it was made from (unchanged when the error names none). */
export function withAadsts(failure: AppFailure, error: unknown): AppFailure {
  const aadsts = aadstsOf(error);
  if (!aadsts || failure.detail?.aadsts) return failure;
  return new AppFailure(failure.code, failure.message, { ...failure.detail, aadsts });
}
