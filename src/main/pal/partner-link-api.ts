/** The Partner Admin Link through the real ARM SDK (@azure/arm-managementpartner), with ARM request ids and failures a person can act on. */
import { ACEProvisioningManagementPartnerAPI, type PartnerResponse } from '@azure/arm-managementpartner';
import type { TokenCredential } from '@azure/core-auth';
import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { HttpClient, PipelinePolicy, TlsSettings } from '@azure/core-rest-pipeline';
import { AppFailure } from '../../shared/result';
import type { PartnerLinkState } from '../../shared/pal-types';

export interface LinkCallResult {
  link: PartnerLinkState | null;
  /** ARM's x-ms-request-id of the call, for the audit log and support tickets. */
  requestId: string | null;
}

/** What PAL Desk needs from ARM for one (tenant, identity): read, create, update, delete the link. */
export interface PartnerLinkApi {
  read(): Promise<LinkCallResult>;
  create(partnerId: string): Promise<LinkCallResult>;
  update(partnerId: string): Promise<LinkCallResult>;
  remove(partnerId: string): Promise<LinkCallResult>;
}

export interface ArmClientOptions {
  credential: TokenCredential;
  /** ARM endpoint of the cloud profile. */
  endpoint: string;
  /** ARM scope of the cloud profile (e.g. https://management.azure.com/.default). */
  scope: string;
  /** Extra CA to trust (only the simulated cloud's, never for a real cloud); share one object so connections are reused. */
  tls?: TlsSettings;
  /** One HTTP client shared by every tenant's ARM client keeps connections alive across tenants. */
  httpClient?: HttpClient;
  /** Shown in messages: the customer's name. */
  tenantLabel: string;
  /** Extra per-attempt policies (the per-host rate limiter). */
  policies?: PipelinePolicy[];
  /** SDK retries for 429/5xx/network, which honour Retry-After (default 3; jobs retry on top). */
  maxRetries?: number;
}

export function toLinkState(response: PartnerResponse): PartnerLinkState | null {
  if (!response.partnerId) return null;
  return {
    partnerId: response.partnerId,
    partnerName: response.partnerName ?? null,
    objectId: response.objectId ?? null,
    tenantId: response.tenantId ?? null,
    state: response.state ?? null,
    etag: response.etag ?? null,
    createdTime: response.createdTime?.toISOString() ?? null,
    updatedTime: response.updatedTime?.toISOString() ?? null,
  };
}

export function createArmPartnerLinkApi(options: ArmClientOptions): PartnerLinkApi {
  const client = new ACEProvisioningManagementPartnerAPI(options.credential, {
    endpoint: options.endpoint,
    credentialScopes: [options.scope],
    ...(options.tls ? { tlsOptions: options.tls } : {}),
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    retryOptions: { maxRetries: options.maxRetries ?? 3, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 },
    additionalPolicies: (options.policies ?? []).map((policy) => ({ policy, position: 'perRetry' as const })),
  });
  /** Runs one SDK call, capturing its request id and translating failures. */
  const call = async (run: (opts: OperationOptions) => Promise<PartnerResponse | void>, notFoundMeansNone: boolean) => {
    let requestId: string | null = null;
    const opts: OperationOptions = {
      onResponse: (raw: FullOperationResponse) => void (requestId = raw.headers.get('x-ms-request-id') ?? raw.headers.get('request-id') ?? null),
    };
    try {
      const response = await run(opts);
      return { link: response ? toLinkState(response) : null, requestId };
    } catch (error) {
      if (notFoundMeansNone && statusOf(error) === 404) return { link: null, requestId };
      throw armFailure(error, options.tenantLabel, requestId);
    }
  };
  return {
    read: () => call((o) => client.partners.get(o), true),
    create: (partnerId) => call((o) => client.partner.create(partnerId, o), false),
    update: (partnerId) => call((o) => client.partner.update(partnerId, o), false),
    remove: (partnerId) => call((o) => client.partner.delete(partnerId, o), false),
  };
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error ? (error as { statusCode?: number }).statusCode : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'REQUEST_SEND_ERROR']);

/** Maps an ARM/SDK failure to an AppFailure that says what happened in this tenant and what to do. */
export function armFailure(error: unknown, tenant: string, requestId: string | null): AppFailure {
  if (error instanceof AppFailure) return error;
  const detail = requestId ? { requestId } : undefined;
  const status = statusOf(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code?: unknown }).code) : '';
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new AppFailure('timeout', `Azure did not answer in time for ${tenant}. Try again; the action is safe to repeat.`, detail);
  }
  if (status === undefined && NETWORK_CODES.has(code)) {
    return new AppFailure('offline', `Azure cannot be reached for ${tenant}. Check your connection; PAL Desk keeps the action queued.`, detail);
  }
  switch (status) {
    case 400:
      return new AppFailure('invalid-input', `Azure refused the partner ID for ${tenant}. Check it is your Associated MPN ID (digits only).`, detail);
    case 401:
      return new AppFailure('session-expired', `The sign-in to ${tenant} is no longer valid. Click Sign in, then try again.`, detail);
    case 403:
      return new AppFailure('access-denied', `The account signed in to ${tenant} may not manage partner links there. Ask the customer's admin, or sign in with the account you deliver with.`, detail);
    case 404:
      return new AppFailure('not-found', `No partner link was found in ${tenant}. Refresh the status and try again.`, detail);
    case 409:
      return new AppFailure('conflict', `Another partner ID is already linked in ${tenant}. Review it, then confirm the replacement.`, detail);
    case 429:
      return new AppFailure('throttled', `Azure is throttling requests for ${tenant}. PAL Desk will retry; try again in a minute.`, detail);
  }
  if (status !== undefined && status >= 500) {
    return new AppFailure('service-unavailable', `Azure had a problem (HTTP ${status}) in ${tenant}. Try again in a few minutes.`, detail);
  }
  return new AppFailure('internal', `The partner link call for ${tenant} failed unexpectedly. Try again.`, detail);
}
