/** Simulated BAP (Business Application Platform): the admin and maker environment lists. */
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
      return pp.as(req, AUDIENCE.powerApps, (c) =>
        pp.ppAdmin(c, () => pp.page(req, pp.data.environments.filter((e) => e.tenantId === c.tenantId).map((e) => environmentShape(e, pp.instanceUrl(e), 'admin', billing)))),
      );
    }
    if (p === '/providers/Microsoft.BusinessAppPlatform/environments') {
      return pp.as(req, AUDIENCE.powerApps, (c) => {
        if (c.kind === 'service-principal' && !c.powerPlatformAdmin) return pp.unregistered(c);
        const visible = pp.data.environments.filter((e) => e.tenantId === c.tenantId && (c.powerPlatformAdmin || !e.makerObjectIds || e.makerObjectIds.includes(c.objectId)));
        return pp.page(req, visible.map((e) => environmentShape(e, pp.instanceUrl(e), 'maker', billing)));
      });
    }
    return null;
  }
}
