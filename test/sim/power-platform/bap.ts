/** Simulated BAP (Business Application Platform): the admin list (the environments the caller administers), the maker list, and one environment by name. */
import { json, type SimReply, type SimRequest } from '../http-kit';
import { environmentShape } from '../power-platform-shapes';
import { AUDIENCE, ppError, type PowerPlatformContext } from './pp-context';

export class BapService {
  readonly #pp: PowerPlatformContext;

  constructor(pp: PowerPlatformContext) {
    this.#pp = pp;
  }

  handle(req: SimRequest): SimReply | null {
    const pp = this.#pp;
    const p = req.url.pathname;
    const billing = req.url.searchParams.get('$expand')?.includes('billingPolicy') ?? false;
    if (p === '/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments') {
      // The environments the caller administers, all of them only for a tenant admin (Microsoft Learn, Get-AdminPowerAppEnvironment:
      // "where the calling user is an Environment Admin. If the calling user is a tenant admin, all environments within the tenant
      // will be returned"; microsoft/coe-starter-kit#8853 and #2902: a sync run by a non-admin "only gathers information about the
      // envts to which you have admin access", without an error; #6278: the same call "should return whatever environments you have
      // access to"). So a user who administers none gets 200 and an empty list.
      // A service principal not registered with New-PowerAppManagementApp is refused (Microsoft Learn, "Creating a service principal application").
      return pp.as(req, AUDIENCE.powerApps, (c) => {
        if (c.kind === 'service-principal' && !c.powerPlatformAdmin) return pp.unregistered(c);
        return pp.page(req, pp.data.environments.filter((e) => pp.administers(c, e)).map((e) => environmentShape(e, pp.instanceUrl(e), 'admin', billing)));
      });
    }
    // One environment by name, admin or maker scope, as the BAP clients read it (Microsoft.PowerApps.Administration.PowerShell
    // `Get-AdminPowerAppEnvironment -EnvironmentName`: GET …/scopes/admin/environments/{name}; the connector-powerplatformforadmins
    // swagger's `GetSingleEnvironment`, "Get Environment as Admin"). Not administered or not in the caller's tenant: 404 EnvironmentNotFound, as for a missing one.
    const one = /^\/providers\/Microsoft\.BusinessAppPlatform\/(scopes\/admin\/)?environments\/([^/]+)$/.exec(p);
    if (one) {
      const [, admin, envId] = one;
      return pp.as(req, AUDIENCE.powerApps, (c) => {
        if (c.kind === 'service-principal' && !c.powerPlatformAdmin) return pp.unregistered(c);
        const e = pp.environment(envId);
        const sees = e && (admin ? pp.administers(c, e) : e.tenantId === c.tenantId && (pp.administers(c, e) || !e.makerObjectIds || e.makerObjectIds.includes(c.objectId)));
        if (!e || !sees) return ppError(404, 'EnvironmentNotFound', `Could not find environment '${envId}'.`);
        return json(200, environmentShape(e, pp.instanceUrl(e), admin ? 'admin' : 'maker', billing));
      });
    }
    if (p === '/providers/Microsoft.BusinessAppPlatform/environments') {
      return pp.as(req, AUDIENCE.powerApps, (c) => {
        if (c.kind === 'service-principal' && !c.powerPlatformAdmin) return pp.unregistered(c);
        // An environment admin holds a role in the environment, so sees it as a maker too.
        const visible = pp.data.environments.filter((e) => e.tenantId === c.tenantId && (pp.administers(c, e) || !e.makerObjectIds || e.makerObjectIds.includes(c.objectId)));
        return pp.page(req, visible.map((e) => environmentShape(e, pp.instanceUrl(e), 'maker', billing)));
      });
    }
    return null;
  }
}
