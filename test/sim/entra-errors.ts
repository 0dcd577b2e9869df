/** Entra ID error replies in the real shape: error, error_description with the AADSTS code, error_codes, suberror, claims. */
import { randomUUID } from 'node:crypto';
import { json, type SimReply } from './http-kit';

export const AADSTS = {
  tenantNotFound: { code: 90002, error: 'invalid_tenant', text: "Tenant not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud." },
  notMember: { code: 50020, error: 'invalid_grant', text: 'User account from identity provider does not exist in tenant and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first.' },
  consent: { code: 65001, error: 'invalid_grant', text: "The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.", suberror: 'consent_required' },
  mfa: { code: 50076, error: 'interaction_required', text: "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource." },
  caBlocked: { code: 53003, error: 'invalid_grant', text: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.' },
  expired: { code: 700082, error: 'invalid_grant', text: 'The refresh token has expired due to inactivity.' },
  wrongSecret: { code: 7000215, error: 'invalid_client', text: 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.' },
  appNotFound: { code: 700016, error: 'unauthorized_client', text: "Application was not found in the directory. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant." },
  badCode: { code: 70008, error: 'invalid_grant', text: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.' },
  pkce: { code: 50148, error: 'invalid_grant', text: 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.' },
} as const;

export interface EntraError {
  code: number;
  error: string;
  text: string;
  suberror?: string;
}

/**
 * AADSTS65002, a first-party client asking a first-party resource that never preauthorized it, in the words Entra uses
 * (microsoftgraph/msgraph-cli#48 for Azure CLI's client and Microsoft Graph; Azure/logicapps#1349 shows the `invalid_request` error).
 */
export const preauthorizationMissing = (clientId: string, resourceAppId: string): EntraError => ({
  code: 65002,
  error: 'invalid_request',
  text: `Consent between first party application '${clientId}' and first party resource '${resourceAppId}' must be configured via preauthorization - applications owned and operated by Microsoft must get approval from the API owner before requesting tokens for that API.`,
});

/** AADSTS700016 naming the client and the directory, as Entra words it (e.g. AzureADQuickStarts/AppModelv2-WebApp-OpenIDConnect-DotNet#50). */
export const appNotInDirectory = (clientId: string, directory: string): EntraError => ({
  ...AADSTS.appNotFound,
  text: `Application with identifier '${clientId}' was not found in the directory '${directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
});

export function entraErrorBody(e: EntraError, extra: { claims?: string } = {}) {
  const traceId = randomUUID();
  return {
    error: e.error,
    error_description: `AADSTS${e.code}: ${e.text} Trace ID: ${traceId} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_codes: [e.code],
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    trace_id: traceId,
    correlation_id: randomUUID(),
    error_uri: `https://login.microsoftonline.com/error?code=${e.code}`,
    ...(e.suberror ? { suberror: e.suberror } : {}),
    ...(extra.claims ? { claims: extra.claims } : {}),
  };
}

export const entraError = (e: EntraError, extra: { claims?: string } = {}): SimReply =>
  json(e.error === 'invalid_client' ? 401 : 400, entraErrorBody(e, extra));

/** The claims challenge Entra returns with an MFA requirement. */
export const MFA_CLAIMS = JSON.stringify({ access_token: { capolids: { essential: true, values: ['b1c2d3e4-0000-4000-8000-00000000cafe'] } } });
