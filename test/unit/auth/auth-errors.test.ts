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
