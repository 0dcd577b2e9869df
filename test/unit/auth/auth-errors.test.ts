import { AuthError, ClientAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { authFailure, NEEDS_SIGN_IN } from '../../../src/main/auth/auth-errors';
import { TOKEN_TIMEOUT, TokenServiceBusyError } from '../../../src/main/auth/network-client';
import { RETRYABLE_CODES } from '../../../src/main/pal/pal-service';

const ctx = { tenant: 'Contoso', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', adminConsentUrl: 'https://login.example/adminconsent', service: 'Power BI' };

describe('sign-in failures from a busy, slow or unreachable token service', () => {
  it('calls a 429 from the token service throttled, with the time it asked to wait', () => {
    const retryAt = new Date('2030-01-01T00:00:30Z');
    const failure = authFailure(new TokenServiceBusyError(429, retryAt), ctx);
    expect(failure).toMatchObject({ code: 'throttled', detail: { retryAt: retryAt.toISOString() } });
    expect(failure.message).toMatch(/Azure sign-in is busy for Contoso/);
  });

  it('calls a 5xx from the token service unavailable', () => {
    expect(authFailure(new TokenServiceBusyError(503, null), ctx).code).toBe('service-unavailable');
    expect(authFailure(new TokenServiceBusyError(500, null), ctx).code).toBe('service-unavailable');
  });

  it('calls a token request that ran out of time a timeout, and one that never connected offline', () => {
    expect(authFailure(new AuthError(TOKEN_TIMEOUT, '', 'The sign-in service did not answer within 30000 ms.'), ctx).code).toBe('timeout');
    expect(authFailure(new ClientAuthError('network_error', 'Network request failed'), ctx).code).toBe('offline');
  });

  it('calls an OAuth temporarily_unavailable answer unavailable', () => {
    expect(authFailure(new ServerError('temporarily_unavailable', '', 'AADSTS90033: A transient error has occurred.'), ctx).code).toBe('service-unavailable');
  });

  it('keeps every one of these retryable and never asks the person to sign in again', () => {
    const failures = [new TokenServiceBusyError(429, null), new TokenServiceBusyError(503, null), new AuthError(TOKEN_TIMEOUT, '', 'late'), new ClientAuthError('network_error', '')].map((e) =>
      authFailure(e, ctx),
    );
    for (const failure of failures) {
      expect(RETRYABLE_CODES.has(failure.code), failure.code).toBe(true);
      expect(NEEDS_SIGN_IN.has(failure.code)).toBe(false);
      expect(failure.message).not.toMatch(/sign out/i);
    }
  });
});

describe('sign-in app failures, each with what to do', () => {
  /** Entra's answers as msal-node surfaces them: the AADSTS code and text in the error's message. */
  const preauth = new Error("invalid_request: AADSTS65002: Consent between first party application '04b07795-8ddb-461a-bbee-02f9e1bf7b46' and first party resource '00000009-0000-0000-c000-000000000000' must be configured via preauthorization");

  it('says the default first-party app may not call that one service and to register the firm’s own app, with no consent link (AADSTS65002)', () => {
    const failure = authFailure(preauth, ctx);
    expect(failure.code).toBe('client-not-preauthorized');
    expect(failure.message).toBe(
      "PAL Desk's default sign-in app (a Microsoft first-party app) is not allowed to call Power BI in Contoso: register your firm's own app (Settings → Sign-in application) and sign in again.",
    );
    expect(failure.detail).toBeUndefined();
    expect(NEEDS_SIGN_IN.has(failure.code)).toBe(false);
  });

  it('puts the customer’s admin-consent link of the app in use in the message (AADSTS65001)', () => {
    const failure = authFailure(new Error('invalid_grant: AADSTS65001: The user or administrator has not consented to use the application.'), { ...ctx, clientId: '11111111-2222-4333-8444-555555555555' });
    expect(failure).toMatchObject({ code: 'consent-required', detail: { adminConsentUrl: ctx.adminConsentUrl } });
    expect(failure.message).toContain(`Your sign-in app (11111111-2222-4333-8444-555555555555) is not approved in Contoso. Send this admin-consent link to the customer's admin: ${ctx.adminConsentUrl}`);
  });

  it('says an app missing from the directory must be multi-tenant and approved there (AADSTS700016)', () => {
    const failure = authFailure(new Error("unauthorized_client: AADSTS700016: Application with identifier 'x' was not found in the directory 'Contoso'."), ctx);
    expect(failure.code).toBe('app-not-found-in-tenant');
    expect(failure.message).toMatch(/^PAL Desk's default sign-in app is not registered in Contoso's directory\. Check the Application \(client\) ID in Settings → Sign-in application; make the app registration multi-tenant/);
  });
});
