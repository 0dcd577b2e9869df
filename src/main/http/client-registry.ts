/** Hands out API clients per (tenant, identity, audience), all on one HTTP client, one rate limiter and the same pipeline rules. */
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, Pipeline } from '@azure/core-rest-pipeline';
import { dataverseOrigin, scopeForUrl, type CloudProfile } from '../../shared/cloud-profile';
import { AppFailure } from '../../shared/result';
import type { IdentityRef } from '../domain/identity';
import { createArmPartnerLinkApi, type PartnerLinkApi } from '../pal/partner-link-api';
import type { Logger } from '../logger';
import type { Connectivity } from './connectivity';
import { createNodeNetworkStack } from './network-stack';
import { createHttpPipeline } from './pipeline';
import { HostRateLimiter } from './rate-limiter';
import { RestClient, type ListLimits } from './rest-client';
import type { RetryOptions } from './retry';

export interface ClientRegistryDeps {
  cloud: CloudProfile;
  /** Token source for one account in one tenant (AuthService.credential); asked for the client's scope. */
  credentialFor(tenantId: string, identity: IdentityRef, label: string): TokenCredential;
  /** Shared by every client (default 400 requests a second per host, bursts of 100). */
  limiter?: HostRateLimiter;
  retry?: RetryOptions;
  /** Longest one attempt may take (default 30 s). */
  timeoutMs?: number;
  /** Told whether each call reached its host (the offline banner). */
  connectivity?: Connectivity;
  /** How much one answer and one list may hold (defaults: 50 MB, LIST_LIMITS). */
  limits?: Partial<ListLimits> & { maxResponseBytes?: number };
  /** Told of list items skipped as not what the API returns. */
  log?: Logger;
  /** The host's one HTTP client (NetworkStack.httpClient); default Node's, trusting the cloud's CA if it has one. */
  httpClient?: HttpClient;
}

interface Entry {
  tenantId: string;
  identityId: string;
  credential: TokenCredential;
  pipeline: Pipeline;
  rest: RestClient;
  partnerLinks?: PartnerLinkApi;
}

export class ClientRegistry {
  readonly #deps: ClientRegistryDeps;
  readonly #limiter: HostRateLimiter;
  /** One HTTP client (its agents carry proxy and CAs): connections stay alive across tenants and audiences. */
  readonly #http: HttpClient;
  readonly #entries = new Map<string, Entry>();
  #anonymous: RestClient | null = null;

  constructor(deps: ClientRegistryDeps) {
    this.#deps = deps;
    this.#limiter = deps.limiter ?? new HostRateLimiter({ perSecond: 400, burst: 100 });
    this.#http = deps.httpClient ?? createNodeNetworkStack({ cloudCaPem: deps.cloud.caCertPem }).httpClient;
  }

  /**
   * A JSON client for one account in one tenant, with tokens for `audience` (a scope such as https://service.powerapps.com/.default):
   * one of the cloud's own audiences or a Dataverse instance on its allow-list, else it fails before any token is asked for.
   */
  rest(tenantId: string, identity: IdentityRef, audience: string, label: string): RestClient {
    if (!isCloudAudience(this.#deps.cloud, audience)) {
      throw new AppFailure('access-denied', `${audience.replace(/\/\.default$/, '')} is not a Microsoft service of ${this.#deps.cloud.label}; PAL Desk does not sign in to it for ${label}.`);
    }
    return this.#entry(tenantId, identity, audience, label).rest;
  }

  /** The Partner Admin Link API (the ARM SDK) for one account in one tenant, on the same pipeline as every other call. */
  partnerLinks(tenantId: string, identity: IdentityRef, label: string): PartnerLinkApi {
    const entry = this.#entry(tenantId, identity, this.#deps.cloud.scopes.arm, label);
    entry.partnerLinks ??= createArmPartnerLinkApi({
      credential: entry.credential,
      pipeline: entry.pipeline,
      httpClient: this.#http,
      endpoint: this.#deps.cloud.endpoints.arm,
      tenantLabel: label,
      undocumentedIn: this.#deps.cloud.partnerLinkApi === 'unknown' ? this.#deps.cloud.label : null,
    });
    return entry.partnerLinks;
  }

  /** A client without a token, for public documents such as a tenant's OpenID configuration. */
  anonymous(): RestClient {
    this.#anonymous ??= new RestClient({ pipeline: this.#pipeline(), httpClient: this.#http, service: 'Microsoft Entra ID', tenantLabel: 'the directory look-up', limits: this.#deps.limits, log: this.#deps.log });
    return this.#anonymous;
  }

  /** Drops cached clients of a tenant and/or an identity (IdentityRef.id), e.g. after sign-out; no filter drops them all. */
  forget(match: { tenantId?: string; identityId?: string }): void {
    for (const [key, entry] of this.#entries) {
      if ((match.tenantId === undefined || entry.tenantId === match.tenantId) && (match.identityId === undefined || entry.identityId === match.identityId)) this.#entries.delete(key);
    }
  }

  #entry(tenantId: string, identity: IdentityRef, audience: string, label: string): Entry {
    const key = `${tenantId}|${identity.kind}:${identity.id}|${audience}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      const credential = this.#deps.credentialFor(tenantId, identity, label);
      const pipeline = this.#pipeline({ credential, scope: audience });
      const follow = (url: string) => {
        const scope = scopeForUrl(this.#deps.cloud, url);
        return scope ? this.#entry(tenantId, identity, scope, label).rest : null;
      };
      const rest = new RestClient({ pipeline, httpClient: this.#http, service: serviceName(this.#deps.cloud, audience), tenantLabel: label, follow, limits: this.#deps.limits, log: this.#deps.log });
      entry = { tenantId, identityId: identity.id, credential, pipeline, rest };
      this.#entries.set(key, entry);
    }
    return entry;
  }

  #pipeline(auth?: { credential: TokenCredential; scope: string }): Pipeline {
    const { retry, timeoutMs, connectivity, limits } = this.#deps;
    return createHttpPipeline({ auth, limiter: this.#limiter, retry, timeoutMs, connectivity, maxResponseBytes: limits?.maxResponseBytes });
  }
}

/** How a person knows the service behind an audience; a Dataverse instance by its host. */
function serviceName(cloud: CloudProfile, audience: string): string {
  const names: [string, string][] = [
    [cloud.scopes.arm, 'Azure'],
    [cloud.scopes.powerApps, 'Power Platform'],
    [cloud.scopes.flow, 'Power Automate'],
    [cloud.scopes.powerBi, 'Power BI'],
    [cloud.scopes.powerPlatformApi, 'Power Platform API'],
  ];
  const known = names.find(([scope]) => scope === audience)?.[1];
  if (known) return known;
  try {
    return `Dataverse (${new URL(audience).host})`;
  } catch {
    return audience;
  }
}

/** One of the cloud's own scopes, or the scope of a Dataverse instance on its allow-list. */
function isCloudAudience(cloud: CloudProfile, scope: string): boolean {
  if (Object.values(cloud.scopes).includes(scope)) return true;
  const resource = scope.replace(/\/\.default$/, '');
  return dataverseOrigin(cloud, resource) === resource;
}
