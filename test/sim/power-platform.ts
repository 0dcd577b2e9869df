/** Simulated Power Platform: BAP environments, Power Apps (owner + permissions), flows (creator), Power BI groups and datasets, Dataverse users; each API's paging. */
import type { Directory } from './directory';
import { json, type SimReply, type SimRequest } from './http-kit';
import type { PowerPlatformData, SimEnvironment } from './scenario';
import type { TokenSigner } from './tokens';

const AUDIENCE = { powerApps: 'https://service.powerapps.com', flow: 'https://service.flow.microsoft.com', powerBi: 'https://analysis.windows.net/powerbi/api' };

/** Page size of nextLink-paged lists (small, so paging is always exercised). */
export const PAGE_SIZE = 2;

const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

export class PowerPlatformService {
  readonly #dir: Directory;
  readonly #signer: TokenSigner;
  readonly #data: PowerPlatformData;

  constructor(dir: Directory, signer: TokenSigner) {
    this.#dir = dir;
    this.#signer = signer;
    this.#data = dir.scenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
  }

  handle(req: SimRequest): SimReply | null {
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    if (p === '/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments') {
      return this.#as(req, AUDIENCE.powerApps, (tid) => this.#page(req, this.#data.environments.filter((e) => e.tenantId === tid).map((e) => this.#environment(e, req))));
    }
    if ((m = /^\/providers\/Microsoft\.PowerApps\/scopes\/admin\/environments\/([^/]+)\/apps$/.exec(p))) {
      const envId = m[1];
      return this.#as(req, AUDIENCE.powerApps, (tid) => this.#inEnv(tid, envId, () => this.#page(req, this.#data.apps.filter((a) => a.environmentId === envId).map((a) => this.#app(a, tid)))));
    }
    if ((m = /^\/providers\/Microsoft\.PowerApps\/scopes\/admin\/environments\/([^/]+)\/apps\/([^/]+)\/permissions$/.exec(p))) {
      const [, envId, appId] = m;
      return this.#as(req, AUDIENCE.powerApps, (tid) =>
        this.#inEnv(tid, envId, () => {
          const app = this.#data.apps.find((a) => a.environmentId === envId && a.appId === appId);
          if (!app) return error(404, 'AppNotFound', `Could not find app '${appId}'.`);
          const role = (id: string, roleName: string) => ({
            name: `${appId}-${id}`,
            id: `/providers/Microsoft.PowerApps/scopes/admin/apps/${appId}/permissions/${id}`,
            type: 'Microsoft.PowerApps/apps/permissions',
            properties: { roleName, principal: { id, type: 'User', tenantId: tid }, scope: `/providers/Microsoft.PowerApps/apps/${appId}`, notifyShareTargetOption: 'NotSpecified', inviteGuestToTenant: false },
          });
          return json(200, { value: [role(app.ownerObjectId, 'Owner'), ...app.coOwnerObjectIds.map((id) => role(id, 'CanEdit')), ...app.viewerObjectIds.map((id) => role(id, 'CanView'))] });
        }),
      );
    }
    if ((m = /^\/providers\/Microsoft\.ProcessSimple\/scopes\/admin\/environments\/([^/]+)\/v2\/flows$/.exec(p))) {
      const envId = m[1];
      return this.#as(req, AUDIENCE.flow, (tid) =>
        this.#inEnv(tid, envId, () =>
          this.#page(
            req,
            this.#data.flows
              .filter((f) => f.environmentId === envId)
              .map((f) => ({
                name: f.flowId,
                id: `/providers/Microsoft.ProcessSimple/environments/${envId}/flows/${f.flowId}`,
                type: 'Microsoft.ProcessSimple/environments/flows',
                properties: { displayName: f.displayName, state: f.state, createdTime: '2026-01-15T10:00:00Z', lastModifiedTime: '2026-10-01T10:00:00Z', isManaged: false, creator: { tenantId: tid, objectId: f.creatorObjectId, userId: f.creatorObjectId, userType: 'ActiveDirectory' } },
              })),
          ),
        ),
      );
    }
    if (p === '/v1.0/myorg/groups') {
      return this.#as(req, AUDIENCE.powerBi, (tid) => {
        const all = this.#data.workspaces.filter((w) => w.tenantId === tid).map((w) => ({ id: w.groupId, name: w.name, isReadOnly: false, isOnDedicatedCapacity: false, type: 'Workspace' }));
        const top = Number(req.url.searchParams.get('$top') ?? '5000');
        const skip = Number(req.url.searchParams.get('$skip') ?? '0');
        return json(200, { '@odata.context': 'http://wabi-sim.analysis.windows.net/v1.0/myorg/$metadata#groups', '@odata.count': all.length, value: all.slice(skip, skip + top) });
      });
    }
    if ((m = /^\/v1\.0\/myorg\/groups\/([^/]+)\/datasets$/.exec(p))) {
      const groupId = m[1];
      return this.#as(req, AUDIENCE.powerBi, (tid) => {
        const ws = this.#data.workspaces.find((w) => w.tenantId === tid && w.groupId === groupId);
        if (!ws) return error(404, 'ItemNotFound', `Couldn't find workspace ${groupId}`);
        return json(200, {
          '@odata.context': `http://wabi-sim.analysis.windows.net/v1.0/myorg/groups/${groupId}/$metadata#datasets`,
          value: ws.datasets.map((d) => ({ id: d.id, name: d.name, webUrl: `https://app.powerbi.com/groups/${groupId}/datasets/${d.id}`, addRowsAPIEnabled: false, configuredBy: d.configuredBy, isRefreshable: true, isEffectiveIdentityRequired: false, isEffectiveIdentityRolesRequired: false, isOnPremGatewayRequired: false, targetStorageMode: 'Abf', createdDate: '2026-02-01T09:00:00Z' })),
        });
      });
    }
    if ((m = /^\/dataverse\/([^/]+)\/api\/data\/v9\.2\/systemusers$/.exec(p))) {
      const envId = m[1];
      const env = this.#data.environments.find((e) => e.environmentId === envId && e.dataverse);
      if (!env) return error(404, 'NotFound', 'No Dataverse organization here.');
      return this.#as(req, this.#instanceUrl(env), () =>
        json(200, { value: (env.dataverse?.enabledUserObjectIds ?? []).map((oid) => ({ azureactivedirectoryobjectid: oid, isdisabled: false, systemuserid: oid })) }),
      );
    }
    return null;
  }

  /** Runs `run` for the caller's tenant when the bearer token is valid for `audience`. */
  #as(req: SimRequest, audience: string, run: (tenantId: string) => SimReply): SimReply {
    const header = req.headers.authorization;
    const claims = header?.startsWith('Bearer ') ? this.#signer.verify(header.slice(7)) : null;
    if (!claims) return error(401, 'MissingAuthenticationToken', 'The request does not carry a valid bearer token.');
    if (String(claims.aud).replace(/\/$/, '') !== audience.replace(/\/$/, '')) return error(401, 'InvalidAuthenticationTokenAudience', `The access token has the wrong audience '${String(claims.aud)}'.`);
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return error(401, 'ExpiredAuthenticationToken', 'The access token has expired.');
    return run(String(claims.tid));
  }

  #inEnv(tenantId: string, envId: string | undefined, run: () => SimReply): SimReply {
    const env = this.#data.environments.find((e) => e.environmentId === envId);
    if (!env || env.tenantId !== tenantId) return error(404, 'EnvironmentNotFound', `Could not find environment '${envId}'.`);
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

  #environment(e: SimEnvironment, req: SimRequest) {
    return {
      id: `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/${e.environmentId}`,
      type: 'Microsoft.BusinessAppPlatform/scopes/environments',
      location: e.region,
      name: e.environmentId,
      properties: {
        tenantId: e.tenantId,
        azureRegion: e.region,
        displayName: e.displayName,
        createdTime: '2026-01-10T08:00:00Z',
        createdBy: { id: 'SYSTEM', displayName: 'SYSTEM', type: 'NotSpecified' },
        provisioningState: 'Succeeded',
        creationType: e.sku === 'Default' ? 'DefaultTenant' : 'User',
        environmentSku: e.sku,
        isDefault: e.sku === 'Default',
        clientUris: { admin: `https://admin.powerplatform.microsoft.com/environments/environment/${e.environmentId}/hub`, maker: `https://make.powerapps.com/environments/${e.environmentId}/home` },
        ...(e.dataverse
          ? { linkedEnvironmentMetadata: { type: e.dataverse.customerInsights ? 'Dynamics365Instance' : 'Dataverse', resourceId: e.environmentId, friendlyName: e.displayName, uniqueName: `org${e.environmentId.slice(0, 8)}`, instanceUrl: `${this.#instanceUrl(e)}/`, version: '9.2.26101.00000', instanceState: 'Ready', templates: e.dataverse.customerInsights ? ['D365_CustomerInsights'] : [] } }
          : {}),
        governanceConfiguration: { protectionLevel: 'Basic' },
        states: { management: { id: 'NotSpecified' }, runtime: { id: 'Enabled' } },
        ...(req.url.searchParams.get('$expand')?.includes('billingPolicy') ? { billingPolicy: null } : {}),
      },
    };
  }

  #app(a: { appId: string; displayName: string; ownerObjectId: string; environmentId: string }, tenantId: string) {
    const owner = { id: a.ownerObjectId, displayName: a.ownerObjectId, type: 'User', tenantId };
    return {
      name: a.appId,
      id: `/providers/Microsoft.PowerApps/scopes/admin/environments/${a.environmentId}/apps/${a.appId}`,
      type: 'Microsoft.PowerApps/scopes/admin/apps',
      tags: { primaryFormFactor: 'Tablet' },
      properties: {
        appVersion: '2026-09-27T20:31:37Z',
        lifeCycleId: 'Published',
        status: 'Ready',
        owner,
        createdBy: owner,
        lastModifiedBy: owner,
        displayName: a.displayName,
        createdTime: '2026-02-01T09:00:00Z',
        lastModifiedTime: '2026-09-27T20:31:37Z',
        environment: { id: `/providers/Microsoft.PowerApps/environments/${a.environmentId}`, name: a.environmentId },
        almMode: 'Environment',
        appPlanClassification: 'Standard',
        usesPremiumApi: false,
      },
    };
  }
}
