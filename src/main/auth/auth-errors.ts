/** Turns msal-node / Entra ID errors into failures that name the customer and the next step. */
import { AppFailure } from '../../shared/result';
import { isDefaultClient } from '../../shared/sign-in-app';
import { NetworkBlockedError, TOKEN_TIMEOUT, TokenServiceBusyError } from './network-client';

/** Failure codes that mean "this tenant needs the person" (sign in, MFA, consent, a new secret) rather than a broken request. */
export const NEEDS_SIGN_IN = new Set([
  'interaction-required',
  'mfa-required',
  'session-expired',
  'consent-required',
  'not-a-member',
  'blocked-by-conditional-access',
  'app-not-found-in-tenant',
  'invalid-client-secret',
  'wrong-tenant-token',
  'keychain-locked',
  'keychain-unavailable',
]);

const codeOf = (error: unknown): number | null => {
  const text = errorText(error);
  const m = /AADSTS(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
};

const errorText = (error: unknown): string =>
  error instanceof Error ? `${(error as { errorCode?: string }).errorCode ?? ''} ${(error as { errorMessage?: string }).errorMessage ?? ''} ${error.message}` : String(error);

export interface AuthErrorContext {
  tenant: string;
  /** The sign-in application (client) ID in use. */
  clientId: string;
  /** The customer's admin-consent link for that application. */
  adminConsentUrl: string;
  /** The Microsoft service the token was for, in words ("Power BI"). */
  service: string;
}

/** Which app PAL Desk signed in with, for a message. */
const appName = (ctx: AuthErrorContext) => (isDefaultClient(ctx.clientId) ? "PAL Desk's default sign-in app" : `Your sign-in app (${ctx.clientId})`);

/** A token service that is busy, slow or unreachable: worth trying again later (the action stays queued), never a reason to sign in again. */
function transientFailure(error: unknown, text: string, tenant: string): AppFailure | null {
  if (error instanceof TokenServiceBusyError) {
    const detail = error.retryAt ? { retryAt: error.retryAt.toISOString() } : undefined;
    const code = error.status === 429 ? 'throttled' : 'service-unavailable';
    return new AppFailure(code, `Azure sign-in is busy for ${tenant} (it answered HTTP ${error.status}). PAL Desk will try again; queued actions stay queued.`, detail);
  }
  if (text.includes(TOKEN_TIMEOUT)) return new AppFailure('timeout', `Azure sign-in did not answer in time for ${tenant}. PAL Desk will try again; queued actions stay queued.`);
  if ((error as { errorCode?: string } | null)?.errorCode === 'temporarily_unavailable') {
    return new AppFailure('service-unavailable', `Azure sign-in is busy for ${tenant}. PAL Desk will try again; queued actions stay queued.`);
  }
  return null;
}

export function authFailure(error: unknown, ctx: AuthErrorContext): AppFailure {
  if (error instanceof AppFailure) return error;
  // A proxy or gateway in the way: what to do is known where it happened (the network module).
  if (error instanceof NetworkBlockedError) return error.failure;
  const transient = transientFailure(error, errorText(error), ctx.tenant);
  if (transient) return transient;
  const aad = codeOf(error);
  const text = errorText(error);
  const errorCode = (error as { errorCode?: string } | null)?.errorCode ?? '';
  switch (aad) {
    case 50020:
      return new AppFailure('not-a-member', `Your account is not a member or guest of ${ctx.tenant}. Ask the customer's admin to invite you, or sign in with the account they gave you.`);
    case 65001:
    case 90094:
      return new AppFailure(
        'consent-required',
        `${appName(ctx)} is not approved in ${ctx.tenant}. Send this admin-consent link to the customer's admin: ${ctx.adminConsentUrl} — once they have approved it, sign in again.`,
        { adminConsentUrl: ctx.adminConsentUrl },
      );
    case 65002:
      // Only a Microsoft first-party app meets this (microsoftgraph/msgraph-cli#48): no admin consent can fix it, so no link.
      return new AppFailure(
        'client-not-preauthorized',
        `${isDefaultClient(ctx.clientId) ? "PAL Desk's default sign-in app (a Microsoft first-party app)" : `The sign-in app ${ctx.clientId} (a Microsoft first-party app)`} is not allowed to call ${ctx.service} in ${ctx.tenant}: register your firm's own app (Settings → Sign-in application) and sign in again.`,
      );
    case 50076:
    case 50079:
      return new AppFailure('mfa-required', `Sign-in to ${ctx.tenant} needs multi-factor authentication (MFA): sign in again to continue.`);
    case 53003:
      return new AppFailure('blocked-by-conditional-access', `A Conditional Access policy in ${ctx.tenant} blocks this sign-in. Ask the customer's admin to allow it, or sign in from a compliant device.`);
    case 700016:
      return new AppFailure(
        'app-not-found-in-tenant',
        `${appName(ctx)} is not registered in ${ctx.tenant}'s directory. Check the Application (client) ID in Settings → Sign-in application; make the app registration multi-tenant ("Accounts in any organizational directory"), then have the customer's admin approve it with this admin-consent link: ${ctx.adminConsentUrl}`,
        { adminConsentUrl: ctx.adminConsentUrl },
      );
    case 700082:
    case 70008:
      return new AppFailure('session-expired', `Your sign-in to ${ctx.tenant} has expired: sign in again to continue.`);
    case 7000215:
    case 7000222:
      return new AppFailure('invalid-client-secret', `The service principal's secret for ${ctx.tenant} is wrong or expired. Enter a current client secret.`);
  }
  if (errorCode === 'no_tokens_found' || errorCode === 'interaction_required' || errorCode === 'login_required' || /no_account_in_silent_request/.test(text)) {
    return new AppFailure('interaction-required', `Sign in to ${ctx.tenant} again to continue.`);
  }
  // The host's network may know better than "check your connection" (Electron's: the OS proxy settings, the certificate store).
  const advice = (error as { advice?: unknown } | null)?.advice;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|network_error|endpoints_resolution_error/i.test(text)) {
    return new AppFailure('offline', `The sign-in service for ${ctx.tenant} cannot be reached. ${typeof advice === 'string' ? advice : 'Check your connection and try again.'}`);
  }
  if (/ETIMEDOUT|timed? ?out/i.test(text)) return new AppFailure('timeout', `Signing in to ${ctx.tenant} took too long. Try again.`);
  if (typeof advice === 'string') return new AppFailure('service-unavailable', `The connection to the sign-in service for ${ctx.tenant} could not be made. ${advice}`);
  return new AppFailure('internal', `Signing in to ${ctx.tenant} failed unexpectedly. Try again; if it persists, sign out of this tenant and sign in again.`);
}
