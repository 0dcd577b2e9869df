/** Simulated ARM: GET /tenants and Microsoft.ManagementPartner (2018-02-01) with the real bodies, status codes and errors. */
import type { Directory } from './directory';
import { json, type SimReply, type SimRequest } from './http-kit';
import type { TokenSigner } from './tokens';

export const MP_API_VERSION = '2018-02-01';
export const TENANTS_API_VERSION = '2022-12-01';
export const ARM_AUDIENCE = 'https://management.azure.com';

export interface LinkRecord {
  partnerId: string;
  createdTime: string;
  updatedTime: string;
  version: number;
  etag: number;
}

/** One partner-link write the simulated ARM applied. */
export interface AppliedWrite {
  method: 'PUT' | 'PATCH' | 'DELETE';
  tenantId: string;
  objectId: string;
  partnerId: string;
  at: string;
}

const armError = (status: number, code: string, message: string, headers: Record<string, string> = {}): SimReply =>
  json(status, { error: { code, message } }, headers);

export class ArmService {
  readonly #dir: Directory;
  readonly #signer: TokenSigner;
  /** Partner links per `${tenantId}:${objectId}` of the caller's token. */
  readonly links = new Map<string, LinkRecord>();
  /** The link each caller had before its last write, for eventually consistent reads. */
  readonly #previous = new Map<string, LinkRecord | undefined>();
  /** After the next write, this many reads still show the state before it (ARM is eventually consistent). */
  staleReadsAfterWrite = 0;
  #staleReads = 0;
  /** When set, writes answer 403 AuthorizationFailed (the account may not manage partner links). */
  denyWrites = false;
  /** Every partner-link write applied, in order: what a tenant received. */
  readonly writes: AppliedWrite[] = [];
  /** Called right after each write is applied, before its answer leaves (tests use it to crash a client at that instant). */
  onWrite: ((write: AppliedWrite) => void) | null = null;
  #writesLeft = 1199;

  constructor(dir: Directory, signer: TokenSigner) {
    this.#dir = dir;
    this.#signer = signer;
    const now = new Date().toISOString();
    for (const l of dir.scenario.partnerLinks) {
      this.links.set(`${l.tenantId}:${l.objectId}`, { partnerId: l.partnerId, createdTime: now, updatedTime: now, version: 1, etag: 1 });
    }
  }

  handle(req: SimRequest): SimReply | null {
    const path = req.url.pathname.toLowerCase();
    if (path !== '/tenants' && !path.startsWith('/providers/microsoft.managementpartner/')) return null;
    const caller = this.#caller(req);
    if ('status' in caller) return caller;
    const apiVersion = req.url.searchParams.get('api-version');
    if (path === '/tenants') {
      if (!apiVersion) return armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
      return this.#tenants(req, caller);
    }
    if (apiVersion !== MP_API_VERSION) {
      return armError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion ?? ''}' is invalid. The supported versions are '${MP_API_VERSION}'.`);
    }
    if (this.#dir.scenario.managementPartnerProvider === 'absent') {
      // ARM's answer for a resource type no provider serves in this cloud: 400 NoRegisteredProviderFound (Azure/azure-cli#28496,
      // pulumi/pulumi-azure-nextgen#170, nebari-dev/nebari#2374 quote the status, code and message).
      return armError(400, 'NoRegisteredProviderFound', `No registered resource provider found for location 'global' and API version '${MP_API_VERSION}' for type 'partners'.`);
    }
    if (path === '/providers/microsoft.managementpartner/operations') return json(200, { value: OPERATIONS });
    const m = /^\/providers\/microsoft\.managementpartner\/partners(?:\/([^/]*))?$/.exec(path);
    if (!m) return armError(404, 'NotFound', 'The requested resource was not found.');
    return this.#partner(req.method, m[1] ?? '', caller);
  }

  #caller(req: SimRequest): { tenantId: string; objectId: string } | SimReply {
    const header = req.headers.authorization;
    const challenge = { 'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"` };
    if (!header?.startsWith('Bearer ')) {
      return armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", challenge);
    }
    const claims = this.#signer.verify(header.slice('Bearer '.length));
    if (!claims) return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', challenge);
    if (claims.aud !== ARM_AUDIENCE) {
      return armError(401, 'InvalidAuthenticationToken', `The access token has been obtained for wrong audience or resource '${String(claims.aud)}'. It should exactly match with one of the allowed audiences '${ARM_AUDIENCE}/'.`, challenge);
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
      return armError(401, 'ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.', challenge);
    }
    return { tenantId: String(claims.tid), objectId: String(claims.oid) };
  }

  #tenants(req: SimRequest, caller: { tenantId: string; objectId: string }): SimReply {
    const user = this.#dir.scenario.users.find((u) => u.memberships.some((m) => m.tenantId === caller.tenantId && m.objectId === caller.objectId));
    const tenantIds = user ? user.memberships.map((m) => m.tenantId) : [caller.tenantId];
    const pageSize = 50;
    const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0') || 0;
    const page = tenantIds.slice(skip, skip + pageSize).map((id) => {
      const t = this.#dir.tenant(id);
      return {
        id: `/tenants/${id}`,
        tenantId: id,
        countryCode: t?.countryCode ?? 'US',
        displayName: t?.displayName ?? id,
        domains: t?.domains ?? [],
        tenantCategory: user && id === user.homeTenantId ? 'Home' : 'ProjectedBy',
        defaultDomain: t?.defaultDomain ?? null,
        tenantType: 'AAD',
      };
    });
    const next = skip + pageSize < tenantIds.length ? new URL(req.url) : null;
    next?.searchParams.set('$skiptoken', String(skip + pageSize));
    return json(200, { value: page, ...(next ? { nextLink: next.toString() } : {}) });
  }

  #partner(method: string, partnerId: string, caller: { tenantId: string; objectId: string }): SimReply {
    const key = `${caller.tenantId}:${caller.objectId}`;
    const current = this.links.get(key);
    if (method !== 'GET') {
      if (this.denyWrites) {
        return armError(403, 'AuthorizationFailed', `The client '${caller.objectId}' with object id '${caller.objectId}' does not have authorization to perform action 'Microsoft.ManagementPartner/partners/write'.`);
      }
      this.#previous.set(key, current);
      this.#staleReads = this.staleReadsAfterWrite;
      this.staleReadsAfterWrite = 0;
    }
    const write = () => ({ 'x-ms-ratelimit-remaining-tenant-writes': String((this.#writesLeft = Math.max(0, this.#writesLeft - 1))) });
    if (partnerId !== '' && !/^\d+$/.test(partnerId)) return armError(400, 'BadRequest', `Invalid partner id '${partnerId}'.`);
    const notFound = () => armError(404, 'NotFound', `No partner is linked for object id ${caller.objectId} in tenant ${caller.tenantId}.`);
    switch (method) {
      case 'GET': {
        const seen = this.#staleReads > 0 && this.#previous.has(key) ? (this.#staleReads--, this.#previous.get(key)) : current;
        if (!seen || (partnerId !== '' && seen.partnerId !== partnerId)) return notFound();
        return json(200, this.#body(seen, caller, partnerId === ''));
      }
      case 'PUT': {
        if (partnerId === '') return armError(400, 'BadRequest', 'A partner id is required.');
        if (current && current.partnerId !== partnerId) {
          return armError(409, 'Conflict', `Partner ${current.partnerId} is already linked for this user. Use PATCH to change it.`);
        }
        const now = new Date().toISOString();
        const next = current
          ? { ...current, updatedTime: now, version: current.version + 1, etag: current.etag + 1 }
          : { partnerId, createdTime: now, updatedTime: now, version: 1, etag: 1 };
        this.links.set(key, next);
        this.#applied('PUT', caller, partnerId);
        return json(200, this.#body(next, caller), write());
      }
      case 'PATCH': {
        if (!current) return notFound();
        const next = { ...current, partnerId, updatedTime: new Date().toISOString(), version: current.version + 1, etag: current.etag + 1 };
        this.links.set(key, next);
        this.#applied('PATCH', caller, partnerId);
        return json(200, this.#body(next, caller), write());
      }
      case 'DELETE':
        if (!current || current.partnerId !== partnerId) return notFound();
        this.links.delete(key);
        this.#applied('DELETE', caller, partnerId);
        return { status: 200, headers: write(), body: null };
      default:
        return armError(405, 'MethodNotAllowed', `The method ${method} is not allowed.`);
    }
  }

  #applied(method: AppliedWrite['method'], caller: { tenantId: string; objectId: string }, partnerId: string): void {
    const write = { method, tenantId: caller.tenantId, objectId: caller.objectId, partnerId, at: new Date().toISOString() };
    this.writes.push(write);
    this.onWrite?.(write);
  }

  /** PartnerResponse; the collection read (`GET /partners`) names the collection in `id`, as the spec example does. */
  #body(link: LinkRecord, caller: { tenantId: string; objectId: string }, collection = false) {
    return {
      id: collection ? '/providers/microsoft.managementpartner/partners' : `/providers/microsoft.managementpartner/partners/${link.partnerId}`,
      type: 'Microsoft.ManagementPartner/partners',
      name: link.partnerId,
      etag: link.etag,
      properties: {
        partnerId: link.partnerId,
        partnerName: this.#dir.scenario.partnerNames[link.partnerId],
        tenantId: caller.tenantId,
        objectId: caller.objectId,
        version: link.version,
        updatedTime: link.updatedTime,
        createdTime: link.createdTime,
        state: 'Active',
      },
    };
  }
}

const OPERATIONS = [
  { name: 'Microsoft.ManagementPartner/partners/read', display: { provider: 'Microsoft Management Partner', resource: 'Management Partner', operation: 'Get Management Partner', description: 'Read All ManagementPartner' }, origin: 'user,system' },
  { name: 'Microsoft.ManagementPartner/partners/write', display: { provider: 'Microsoft Management Partner', resource: 'Management Partner', operation: 'Create Management Partner', description: 'Create any ManagementPartner' }, origin: 'user,system' },
  { name: 'Microsoft.ManagementPartner/partners/action', display: { provider: 'Microsoft Management Partner', resource: 'Management Partner', operation: 'Update Management Partner', description: 'Update any ManagementPartner' }, origin: 'user,system' },
  { name: 'Microsoft.ManagementPartner/partners/delete', display: { provider: 'Microsoft Management Partner', resource: 'Management Partner', operation: 'Delete Management Partner', description: 'Delete any ManagementPartner' }, origin: 'user,system' },
];
