/** The Partner Admin Link through the real ARM SDK (@azure/arm-managementpartner) on the shared pipeline, with ARM request ids and failures a person can act on. */
import { ACEProvisioningManagementPartnerAPI, type PartnerResponse } from '@azure/arm-managementpartner';
import type { TokenCredential } from '@azure/core-auth';
import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { HttpClient, Pipeline } from '@azure/core-rest-pipeline';
import { undocumentedPartnerLink } from '../../shared/cloud-profile';
import { AppFailure } from '../../shared/result';
import { requestIdOf, toAppFailure } from '../http/http-errors';
import type { PartnerLinkState } from '../../shared/pal-types';

export interface LinkCallResult {
  link: PartnerLinkState | null;
  /** ARM's x-ms-request-id of the call, for the audit log and support tickets. */
  requestId: string | null;
}

/** What PAL Desk needs from ARM for one (tenant, identity): read, create, update, delete the link (each cancellable, waits included). */
export interface PartnerLinkApi {
  read(signal?: AbortSignal): Promise<LinkCallResult>;
  create(partnerId: string, signal?: AbortSignal): Promise<LinkCallResult>;
  update(partnerId: string, signal?: AbortSignal): Promise<LinkCallResult>;
  remove(partnerId: string, signal?: AbortSignal): Promise<LinkCallResult>;
}

export interface ArmClientOptions {
  /** The same credential the pipeline's bearer policy uses (the SDK constructor wants it; it adds no policy of its own then). */
  credential: TokenCredential;
  /** The shared pipeline (src/main/http/pipeline.ts): token, rate limit, retries, timeout, cancel. */
  pipeline: Pipeline;
  /** One HTTP client shared by every client keeps connections alive across tenants. */
  httpClient: HttpClient;
  /** ARM endpoint of the cloud profile. */
  endpoint: string;
  /** Shown in messages: the customer's name. */
  tenantLabel: string;
  /** The cloud's name when Microsoft does not document the Partner Admin Link API in it (GCC High, DoD, China), else null. */
  undocumentedIn?: string | null;
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
  // With a pipeline that has a bearer policy, the generated constructor adds nothing to it (no api-version option is passed either).
  const client = new ACEProvisioningManagementPartnerAPI(options.credential, { endpoint: options.endpoint, pipeline: options.pipeline, httpClient: options.httpClient });
  /** Runs one SDK call, capturing its request id and translating failures. */
  const call = async (run: (opts: OperationOptions) => Promise<PartnerResponse | void>, notFoundMeansNone: boolean, signal?: AbortSignal) => {
    let requestId: string | null = null;
    const opts: OperationOptions = {
      onResponse: (raw: FullOperationResponse) => void (requestId = requestIdOf(raw)),
      ...(signal ? { abortSignal: signal } : {}),
    };
    try {
      const response = await run(opts);
      return { link: response ? toLinkState(response) : null, requestId };
    } catch (error) {
      const unserved = providerNotServed(error, options.undocumentedIn ?? null, notFoundMeansNone);
      if (unserved) throw new AppFailure('partner-link-api-unknown', unservedMessage(unserved, options.tenantLabel, options.undocumentedIn ?? null), requestId ? { requestId } : undefined);
      if (notFoundMeansNone && statusOf(error) === 404) return { link: null, requestId };
      throw armFailure(error, options.tenantLabel, requestId);
    }
  };
  return {
    read: (signal) => call((o) => client.partners.get(o), true, signal),
    create: (partnerId, signal) => call((o) => client.partner.create(partnerId, o), false, signal),
    update: (partnerId, signal) => call((o) => client.partner.update(partnerId, o), false, signal),
    remove: (partnerId, signal) => call((o) => client.partner.delete(partnerId, o), false, signal),
  };
}

/** ARM's codes for a resource type that no provider serves in this cloud (e.g. 400 NoRegisteredProviderFound: Azure/azure-cli#28496). */
const UNSERVED_CODES = new Set(['NoRegisteredProviderFound', 'InvalidResourceNamespace', 'InvalidResourceType']);

/**
 * What ARM answered when it does not serve the ManagementPartner provider: one of ARM's codes for that in any cloud, or, in a cloud
 * where Microsoft does not document the API, a 404 to a write (a read's 404 is Microsoft's documented "nothing linked"); else null.
 */
function providerNotServed(error: unknown, undocumentedIn: string | null, isRead: boolean): string | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code?: unknown }).code ?? '') : '';
  const status = statusOf(error);
  if (UNSERVED_CODES.has(code)) return `${status ?? ''} ${code}`.trim();
  return undocumentedIn && !isRead && status === 404 ? `404 ${code || 'NotFound'}` : null;
}

function unservedMessage(answer: string, tenant: string, undocumentedIn: string | null): string {
  const lead = undocumentedIn ? `${undocumentedPartnerLink(undocumentedIn)} ` : '';
  return `${lead}Azure answered ${answer} for ${tenant}: the Partner Admin Link API does not seem to be served in this cloud, so whether a link exists is unknown. Nothing was changed.`;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error ? (error as { statusCode?: number }).statusCode : undefined;
}

/** Maps an ARM/SDK failure to an AppFailure that says what happened in this tenant and what to do, in the partner-link wording. */
export function armFailure(error: unknown, tenant: string, requestId: string | null): AppFailure {
  return toAppFailure(error, {
    service: 'Azure',
    tenant,
    requestId,
    messages: {
      timeout: `Azure did not answer in time for ${tenant}. Try again; the action is safe to repeat.`,
      offline: `Azure cannot be reached for ${tenant}. Check your connection; PAL Desk keeps the action queued.`,
      'invalid-input': `Azure refused the partner ID for ${tenant}. Check it is your Associated MPN ID (digits only).`,
      'access-denied': `The account signed in to ${tenant} may not manage partner links there. Ask the customer's admin, or sign in with the account you deliver with.`,
      'not-found': `No partner link was found in ${tenant}. Refresh the status and try again.`,
      conflict: `Another partner ID is already linked in ${tenant}. Review it, then confirm the replacement.`,
      internal: `The partner link call for ${tenant} failed unexpectedly. Try again.`,
    },
  });
}
