/** Simulated BAP (Business Application Platform): the admin list (the environments the caller administers) and the maker list. */
import type { SimReply, SimRequest } from '../http-kit';
import { environmentShape } from '../power-platform-shapes';
import { AUDIENCE, type PowerPlatformContext } from './pp-context';

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
