/** What every simulated Power Platform service shares: the scenario's resources with their indexes, who called (from the bearer token), and the admin and paging rules. */
import type { Directory } from '../directory';
import { json, type SimReply, type SimRequest } from '../http-kit';
import type { PowerPlatformData, SimApp, SimEnvironment, SimFlow } from '../scenario';
import type { ServiceOrigin } from '../origins';
import type { TokenSigner } from '../tokens';

/** Token audiences (resource ids) of the Power Platform services in the commercial cloud (FACTS.md, "Tokens"). */
export const AUDIENCE = { powerApps: 'https://service.powerapps.com', flow: 'https://service.flow.microsoft.com', powerBi: 'https://analysis.windows.net/powerbi/api' };

/** Page size of nextLink-paged lists and the largest Dataverse page (small, so paging is always exercised). */
export const PAGE_SIZE = 2;

export const ppError = (status: number, code: string, message: string): SimReply => json(status, { error: { code, message } });

/** Who called: one of our users (by membership) or a service principal, with the roles the scenario gives it in the tenant. */
export interface Caller {
  tenantId: string;
  objectId: string;
  kind: 'user' | 'service-principal';
  powerPlatformAdmin: boolean;
  powerBiAdmin: boolean;
}

export class PowerPlatformContext {
  readonly dir: Directory;
  readonly #signer: TokenSigner;
  readonly data: PowerPlatformData;
  /** Indexes of the scenario's resources, so a generated scenario of 100k resources answers as fast as the demo. */
  readonly #environmentsById = new Map<string, SimEnvironment>();
  readonly appsByEnvironment = new Map<string, SimApp[]>();
  readonly flowsByEnvironment = new Map<string, SimFlow[]>();
  /** Display name and email of every principal the scenario names: our users by their memberships, then `people`. */
  readonly #people = new Map<string, { displayName: string; email: string }>();

  /** The origin each simulated service listens on. */
  readonly originOf: (service: ServiceOrigin) => string;

  constructor(dir: Directory, signer: TokenSigner, originOf: (service: ServiceOrigin) => string) {
    this.dir = dir;
    this.#signer = signer;
    this.originOf = originOf;
    this.data = dir.scenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
    for (const e of this.data.environments) this.#environmentsById.set(e.environmentId, e);
    for (const a of this.data.apps) (this.appsByEnvironment.get(a.environmentId) ?? this.appsByEnvironment.set(a.environmentId, []).get(a.environmentId))?.push(a);
    for (const f of this.data.flows) (this.flowsByEnvironment.get(f.environmentId) ?? this.flowsByEnvironment.set(f.environmentId, []).get(f.environmentId))?.push(f);
    for (const u of dir.scenario.users) for (const m of u.memberships) this.#people.set(m.objectId, { displayName: u.displayName, email: u.username });
    for (const [objectId, person] of Object.entries(this.data.people ?? {})) this.#people.set(objectId, person);
  }

  readonly name = (objectId: string) => this.#people.get(objectId) ?? { displayName: objectId, email: '' };

  /** Runs `run` for the caller when the bearer token is valid for `audience`. */
  as(req: SimRequest, audience: string, run: (caller: Caller) => SimReply): SimReply {
    const header = req.headers.authorization;
    const claims = header?.startsWith('Bearer ') ? this.#signer.verify(header.slice(7)) : null;
    if (!claims) return ppError(401, 'MissingAuthenticationToken', 'The request does not carry a valid bearer token.');
    if (String(claims.aud).replace(/\/$/, '') !== audience.replace(/\/$/, '')) return ppError(401, 'InvalidAuthenticationTokenAudience', `The access token has the wrong audience '${String(claims.aud)}'.`);
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return ppError(401, 'ExpiredAuthenticationToken', 'The access token has expired.');
    return run(this.#caller(String(claims.tid), String(claims.oid)));
  }

  #caller(tenantId: string, objectId: string): Caller {
    const sp = this.dir.scenario.servicePrincipals.find((s) => s.tenantId === tenantId && s.objectId === objectId);
    if (sp) return { tenantId, objectId, kind: 'service-principal', powerPlatformAdmin: sp.powerPlatformAdmin === true, powerBiAdmin: sp.powerBiAdmin === true };
    const membership = this.dir.scenario.users.flatMap((u) => u.memberships).find((m) => m.tenantId === tenantId && m.objectId === objectId);
    return { tenantId, objectId, kind: 'user', powerPlatformAdmin: membership?.powerPlatformAdmin === true, powerBiAdmin: membership?.powerBiAdmin === true };
  }

  /** Whether the caller administers the environment: a tenant admin (Power Platform admin or a registered service principal) or one of its environment admins. */
  administers(c: Caller, e: SimEnvironment): boolean {
    return e.tenantId === c.tenantId && (c.powerPlatformAdmin || (e.environmentAdminObjectIds?.includes(c.objectId) ?? false));
  }

  /** Admin scopes of an environment's Power Apps and Flow: its admins (tenant or environment admins) and registered service principals only. */
  ppAdmin(c: Caller, envId: string | undefined, run: () => SimReply): SimReply {
    const e = this.environment(envId);
    // A tenant admin asking about another tenant's or an unknown environment gets the route's own 404.
    if (c.powerPlatformAdmin || (e && this.administers(c, e))) return run();
    if (c.kind === 'service-principal') return this.unregistered(c);
    return ppError(403, 'Forbidden', `The user with object id '${c.objectId}' in tenant '${c.tenantId}' is not an admin of environment '${envId ?? ''}'.`);
  }

  unregistered(c: Caller): SimReply {
    return ppError(403, 'Forbidden', `The service principal with object id '${c.objectId}' is not registered as a Power Platform management application in tenant '${c.tenantId}'.`);
  }

  environment(envId: string | undefined): SimEnvironment | undefined {
    return envId === undefined ? undefined : this.#environmentsById.get(envId);
  }

  inEnv(c: Caller, envId: string | undefined, run: () => SimReply): SimReply {
    if (this.environment(envId)?.tenantId !== c.tenantId) return ppError(404, 'EnvironmentNotFound', `Could not find environment '${envId}'.`);
    return run();
  }

  /** A `nextLink`-paged answer of PAGE_SIZE items; the next link is on `nextOrigin` when given (the host the service names), else on the request's own. */
  page(req: SimRequest, items: object[], nextOrigin?: string): SimReply {
    const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0') || 0;
    const next = skip + PAGE_SIZE < items.length ? new URL(`${req.url.pathname}${req.url.search}`, nextOrigin ?? req.url.origin) : null;
    next?.searchParams.set('$skiptoken', String(skip + PAGE_SIZE));
    return json(200, { value: items.slice(skip, skip + PAGE_SIZE), ...(next ? { nextLink: next.toString() } : {}) });
  }

  /** A Dataverse environment's instance URL: host-only, as real ones are (`https://org.crm.dynamics.com`). */
  instanceUrl(env: SimEnvironment): string {
    return env.dataverse ? this.originOf(`dataverse:${env.environmentId}`) : '';
  }
}
