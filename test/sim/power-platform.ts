/**
 * Simulated Power Platform: BAP environments, Power Apps (owner + permissions), flows (creator), Power BI workspaces and datasets,
 * Dataverse users; admin scopes only for admins (403 otherwise), maker scopes showing what the caller owns or may see, 403 for
 * service principals where the real APIs refuse them, the Power BI admin datasets hourly limit, and each API's paging.
 */
import type { Directory } from './directory';
import { json, type SimReply, type SimRequest } from './http-kit';
import { appPermissions, appShape, datasetShape, environmentShape, flowShape, workspaceShape } from './power-platform-shapes';
import type { PowerPlatformData, SimApp, SimEnvironment, SimFlow } from './scenario';
import type { TokenSigner } from './tokens';

const AUDIENCE = { powerApps: 'https://service.powerapps.com', flow: 'https://service.flow.microsoft.com', powerBi: 'https://analysis.windows.net/powerbi/api' };

/** Page size of nextLink-paged lists and the largest Dataverse page (small, so paging is always exercised). */
export const PAGE_SIZE = 2;
const HOUR_MS = 3_600_000;

const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** Who called: one of our users (by membership) or a service principal, with the roles the scenario gives it in the tenant. */
interface Caller {
  tenantId: string;
  objectId: string;
  kind: 'user' | 'service-principal';
  powerPlatformAdmin: boolean;
  powerBiAdmin: boolean;
}

export class PowerPlatformService {
  readonly #dir: Directory;
  readonly #signer: TokenSigner;
  readonly #data: PowerPlatformData;
  /** Times of admin datasets calls per tenant in the last hour. */
  readonly #adminDatasetCalls = new Map<string, number[]>();
  /** Indexes of the scenario's resources, so a generated scenario of 100k resources answers as fast as the demo. */
  readonly #environmentsById = new Map<string, SimEnvironment>();
  readonly #appsByEnvironment = new Map<string, SimApp[]>();
  readonly #flowsByEnvironment = new Map<string, SimFlow[]>();
  /** Display name and email of every principal the scenario names: our users by their memberships, then `people`. */
  readonly #people = new Map<string, { displayName: string; email: string }>();

  constructor(dir: Directory, signer: TokenSigner) {
    this.#dir = dir;
    this.#signer = signer;
    this.#data = dir.scenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
    for (const e of this.#data.environments) this.#environmentsById.set(e.environmentId, e);
    for (const a of this.#data.apps) (this.#appsByEnvironment.get(a.environmentId) ?? this.#appsByEnvironment.set(a.environmentId, []).get(a.environmentId))?.push(a);
    for (const f of this.#data.flows) (this.#flowsByEnvironment.get(f.environmentId) ?? this.#flowsByEnvironment.set(f.environmentId, []).get(f.environmentId))?.push(f);
    for (const u of dir.scenario.users) for (const m of u.memberships) this.#people.set(m.objectId, { displayName: u.displayName, email: u.username });
    for (const [objectId, person] of Object.entries(this.#data.people ?? {})) this.#people.set(objectId, person);
  }

  readonly #name = (objectId: string) => this.#people.get(objectId) ?? { displayName: objectId, email: '' };

  handle(req: SimRequest): SimReply | null {
    return this.#bap(req) ?? this.#powerApps(req) ?? this.#flows(req) ?? this.#powerBi(req) ?? this.#dataverse(req);
  }

  #bap(req: SimRequest): SimReply | null {
    const p = req.url.pathname;
    const billing = req.url.searchParams.get('$expand')?.includes('billingPolicy') ?? false;
    if (p === '/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments') {
      return this.#as(req, AUDIENCE.powerApps, (c) =>
        this.#ppAdmin(c, () => this.#page(req, this.#data.environments.filter((e) => e.tenantId === c.tenantId).map((e) => environmentShape(e, this.#instanceUrl(e), 'admin', billing)))),
      );
    }
    if (p === '/providers/Microsoft.BusinessAppPlatform/environments') {
      return this.#as(req, AUDIENCE.powerApps, (c) => {
        if (c.kind === 'service-principal' && !c.powerPlatformAdmin) return this.#unregistered(c);
        const visible = this.#data.environments.filter((e) => e.tenantId === c.tenantId && (c.powerPlatformAdmin || !e.makerObjectIds || e.makerObjectIds.includes(c.objectId)));
        return this.#page(req, visible.map((e) => environmentShape(e, this.#instanceUrl(e), 'maker', billing)));
      });
    }
    return null;
  }

  #powerApps(req: SimRequest): SimReply | null {
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/providers\/Microsoft\.PowerApps\/scopes\/admin\/environments\/([^/]+)\/apps$/.exec(p))) {
      const envId = m[1];
      return this.#as(req, AUDIENCE.powerApps, (c) =>
        this.#ppAdmin(c, () => this.#inEnv(c, envId, () => this.#page(req, (this.#appsByEnvironment.get(envId ?? '') ?? []).map((a) => appShape(a, c.tenantId, 'admin', this.#name))))),
      );
    }
    if ((m = /^\/providers\/Microsoft\.PowerApps\/scopes\/admin\/environments\/([^/]+)\/apps\/([^/]+)\/permissions$/.exec(p))) {
      const [, envId, appId] = m;
      return this.#as(req, AUDIENCE.powerApps, (c) =>
        this.#ppAdmin(c, () =>
          this.#inEnv(c, envId, () => {
            const app = this.#appsByEnvironment.get(envId ?? '')?.find((a) => a.appId === appId);
            return app ? json(200, appPermissions(app, c.tenantId, this.#name)) : error(404, 'AppNotFound', `Could not find app '${appId}'.`);
          }),
        ),
      );
    }
    if (p === '/providers/Microsoft.PowerApps/apps') {
      return this.#as(req, AUDIENCE.powerApps, (c) => {
        if (c.kind === 'service-principal' && !c.powerPlatformAdmin) return this.#unregistered(c);
        const envId = /environment eq '([^']+)'/.exec(req.url.searchParams.get('$filter') ?? '')?.[1];
        const inTenant = (a: SimApp) => this.#environment(a.environmentId)?.tenantId === c.tenantId && (!envId || a.environmentId === envId);
        const sees = (a: SimApp) => [a.ownerObjectId, ...a.coOwnerObjectIds, ...a.viewerObjectIds].includes(c.objectId);
        return this.#page(req, this.#data.apps.filter((a) => inTenant(a) && sees(a)).map((a) => appShape(a, c.tenantId, 'maker', this.#name)));
      });
    }
    if ((m = /^\/providers\/Microsoft\.PowerApps\/apps\/([^/]+)\/permissions$/.exec(p))) {
      const appId = m[1];
      return this.#as(req, AUDIENCE.powerApps, (c) => {
        const app = this.#data.apps.find((a) => a.appId === appId && this.#environment(a.environmentId)?.tenantId === c.tenantId);
        if (!app) return error(404, 'AppNotFound', `Could not find app '${appId}'.`);
        if (![app.ownerObjectId, ...app.coOwnerObjectIds].includes(c.objectId)) return error(403, 'Forbidden', `The caller does not have permission to read the permissions of app '${appId}'.`);
        return json(200, appPermissions(app, c.tenantId, this.#name));
      });
    }
    return null;
  }

  #flows(req: SimRequest): SimReply | null {
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/providers\/Microsoft\.ProcessSimple\/scopes\/admin\/environments\/([^/]+)\/v2\/flows$/.exec(p))) {
      const envId = m[1];
      return this.#as(req, AUDIENCE.flow, (c) =>
        this.#ppAdmin(c, () => this.#inEnv(c, envId, () => this.#page(req, (this.#flowsByEnvironment.get(envId ?? '') ?? []).map((f) => flowShape(f, c.tenantId, 'admin'))))),
      );
    }
    if ((m = /^\/providers\/Microsoft\.ProcessSimple\/environments\/([^/]+)\/flows$/.exec(p))) {
      const envId = m[1];
      return this.#as(req, AUDIENCE.flow, (c) => {
        if (c.kind === 'service-principal') return error(403, 'Forbidden', 'Service principals cannot list flows in the maker scope; use the admin scope with a registered app.');
        return this.#inEnv(c, envId, () =>
          this.#page(
            req,
            (this.#flowsByEnvironment.get(envId ?? '') ?? []).filter((f) => (f.creatorObjectId === c.objectId || f.coOwnerObjectIds?.includes(c.objectId))).map((f) => flowShape(f, c.tenantId, 'maker')),
          ),
        );
      });
    }
    return null;
  }

  #powerBi(req: SimRequest): SimReply | null {
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    const top = Number(req.url.searchParams.get('$top') ?? '5000');
    const skip = Number(req.url.searchParams.get('$skip') ?? '0');
    const context = (set: string) => `http://wabi-sim.analysis.windows.net/v1.0/myorg/${set}`;
    if (p === '/v1.0/myorg/groups') {
      return this.#as(req, AUDIENCE.powerBi, (c) => {
        const all = this.#data.workspaces.filter((w) => w.tenantId === c.tenantId && (!w.memberObjectIds || w.memberObjectIds.includes(c.objectId))).map(workspaceShape);
        return json(200, { '@odata.context': context('$metadata#groups'), '@odata.count': all.length, value: all.slice(skip, skip + top) });
      });
    }
    if ((m = /^\/v1\.0\/myorg\/groups\/([^/]+)\/datasets$/.exec(p))) {
      const groupId = m[1];
      return this.#as(req, AUDIENCE.powerBi, (c) => {
        const ws = this.#data.workspaces.find((w) => w.tenantId === c.tenantId && w.groupId === groupId && (!w.memberObjectIds || w.memberObjectIds.includes(c.objectId)));
        if (!ws) return error(404, 'ItemNotFound', `Couldn't find workspace ${groupId}`);
        return json(200, { '@odata.context': context(`groups/${groupId}/$metadata#datasets`), value: ws.datasets.map((d) => datasetShape(d, ws.groupId, false)) });
      });
    }
    if (p === '/v1.0/myorg/admin/groups') {
      return this.#as(req, AUDIENCE.powerBi, (c) => {
        if (!c.powerBiAdmin) return this.#notPowerBiAdmin();
        if (!req.url.searchParams.has('$top')) return error(400, 'InvalidRequest', "The '$top' query parameter is required.");
        const all = this.#data.workspaces.filter((w) => w.tenantId === c.tenantId).map(workspaceShape);
        return json(200, { '@odata.context': context('admin/$metadata#groups'), value: all.slice(skip, skip + top) });
      });
    }
    if (p === '/v1.0/myorg/admin/datasets') {
      return this.#as(req, AUDIENCE.powerBi, (c) => {
        if (!c.powerBiAdmin) return this.#notPowerBiAdmin();
        const wait = this.#adminDatasetsWait(c.tenantId);
        if (wait > 0) {
          return json(429, { message: `You have exceeded the amount of requests allowed in the current time frame and further requests will fail. Retry in ${wait} seconds.` }, { 'retry-after': String(wait) });
        }
        const all = this.#data.workspaces.filter((w) => w.tenantId === c.tenantId).flatMap((w) => w.datasets.map((d) => datasetShape(d, w.groupId, true)));
        return json(200, { '@odata.context': context('admin/$metadata#datasets'), value: all.slice(skip, skip + top) });
      });
    }
    return null;
  }

  #dataverse(req: SimRequest): SimReply | null {
    const m = /^\/dataverse\/([^/]+)\/api\/data\/v9\.2\/systemusers$/.exec(req.url.pathname);
    if (!m) return null;
    const env = this.#data.environments.find((e) => e.environmentId === m[1] && e.dataverse);
    if (!env?.dataverse) return error(404, 'NotFound', 'No Dataverse organization here.');
    const dataverse = env.dataverse;
    const instanceUrl = this.#instanceUrl(env);
    return this.#as(req, instanceUrl, (c) => {
      if (c.tenantId !== env.tenantId) return error(401, '0x80072560', 'The user is not a member of the organization.');
      if (!c.powerPlatformAdmin && !dataverse.enabledUserObjectIds.includes(c.objectId)) return error(403, '0x80072560', 'The user is not a member of the organization.');
      const onlyEnabled = /isdisabled eq false/.test(req.url.searchParams.get('$filter') ?? '');
      const users = [
        ...dataverse.enabledUserObjectIds.map((oid) => ({ oid, isdisabled: false })),
        ...(onlyEnabled ? [] : (dataverse.disabledUserObjectIds ?? []).map((oid) => ({ oid, isdisabled: true }))),
      ];
      const asked = Number(/odata\.maxpagesize=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1] ?? '5000');
      const size = Math.min(asked, PAGE_SIZE);
      const pageNumber = Number(/pagenumber="(\d+)"/.exec(req.url.searchParams.get('$skiptoken') ?? '')?.[1] ?? '1');
      const slice = users.slice((pageNumber - 1) * size, pageNumber * size);
      const next = pageNumber * size < users.length ? new URL(req.url) : null;
      next?.searchParams.set('$skiptoken', `<cookie pagenumber="${pageNumber + 1}" istracking="False" />`);
      return json(
        200,
        {
          '@odata.context': `${instanceUrl}/api/data/v9.2/$metadata#systemusers(azureactivedirectoryobjectid,isdisabled)`,
          value: slice.map((u, i) => ({ '@odata.etag': `W/"${1000 + i}"`, azureactivedirectoryobjectid: u.oid, isdisabled: u.isdisabled, systemuserid: u.oid })),
          ...(next ? { '@odata.nextLink': next.toString() } : {}),
        },
        { 'preference-applied': `odata.maxpagesize=${size}` },
      );
    });
  }

  /** Runs `run` for the caller when the bearer token is valid for `audience`. */
  #as(req: SimRequest, audience: string, run: (caller: Caller) => SimReply): SimReply {
    const header = req.headers.authorization;
    const claims = header?.startsWith('Bearer ') ? this.#signer.verify(header.slice(7)) : null;
    if (!claims) return error(401, 'MissingAuthenticationToken', 'The request does not carry a valid bearer token.');
    if (String(claims.aud).replace(/\/$/, '') !== audience.replace(/\/$/, '')) return error(401, 'InvalidAuthenticationTokenAudience', `The access token has the wrong audience '${String(claims.aud)}'.`);
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return error(401, 'ExpiredAuthenticationToken', 'The access token has expired.');
    return run(this.#caller(String(claims.tid), String(claims.oid)));
  }

  #caller(tenantId: string, objectId: string): Caller {
    const sp = this.#dir.scenario.servicePrincipals.find((s) => s.tenantId === tenantId && s.objectId === objectId);
    if (sp) return { tenantId, objectId, kind: 'service-principal', powerPlatformAdmin: sp.powerPlatformAdmin === true, powerBiAdmin: sp.powerBiAdmin === true };
    const membership = this.#dir.scenario.users.flatMap((u) => u.memberships).find((m) => m.tenantId === tenantId && m.objectId === objectId);
    return { tenantId, objectId, kind: 'user', powerPlatformAdmin: membership?.powerPlatformAdmin === true, powerBiAdmin: membership?.powerBiAdmin === true };
  }

  /** Admin scopes of BAP, Power Apps and Flow: Power Platform admins and registered service principals only. */
  #ppAdmin(c: Caller, run: () => SimReply): SimReply {
    if (c.powerPlatformAdmin) return run();
    if (c.kind === 'service-principal') return this.#unregistered(c);
    return error(403, 'Forbidden', `The user with object id '${c.objectId}' in tenant '${c.tenantId}' does not have the Power Platform administrator role.`);
  }

  #unregistered(c: Caller): SimReply {
    return error(403, 'Forbidden', `The service principal with object id '${c.objectId}' is not registered as a Power Platform management application in tenant '${c.tenantId}'.`);
  }

  #notPowerBiAdmin(): SimReply {
    return error(403, 'PowerBINotAuthorizedException', 'The caller is not a Fabric administrator, or service principals may not use the admin APIs in this tenant.');
  }

  /** Seconds until the tenant may call admin datasets again (0 = now; the call is then counted). */
  #adminDatasetsWait(tenantId: string): number {
    const now = Date.now();
    const calls = (this.#adminDatasetCalls.get(tenantId) ?? []).filter((at) => at > now - HOUR_MS);
    const limit = this.#data.adminDatasetsPerHour ?? 50;
    if (calls.length >= limit) return Math.max(1, Math.ceil(((calls[0] ?? now) + HOUR_MS - now) / 1000));
    calls.push(now);
    this.#adminDatasetCalls.set(tenantId, calls);
    return 0;
  }

  #environment(envId: string | undefined): SimEnvironment | undefined {
    return envId === undefined ? undefined : this.#environmentsById.get(envId);
  }

  #inEnv(c: Caller, envId: string | undefined, run: () => SimReply): SimReply {
    if (this.#environment(envId)?.tenantId !== c.tenantId) return error(404, 'EnvironmentNotFound', `Could not find environment '${envId}'.`);
    return run();
  }

  #page(req: SimRequest, items: object[]): SimReply {
    const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0') || 0;
    const next = skip + PAGE_SIZE < items.length ? new URL(req.url) : null;
    next?.searchParams.set('$skiptoken', String(skip + PAGE_SIZE));
    return json(200, { value: items.slice(skip, skip + PAGE_SIZE), ...(next ? { nextLink: next.toString() } : {}) });
  }

  #instanceUrl(env: SimEnvironment): string {
    return `${new URL(this.#dir.origin()).origin}/dataverse/${env.environmentId}`;
  }
}
