/** Simulated Power Apps: admin and maker app lists (owner) and each app's permissions (Owner, CanEdit, CanView). */
import { json, type SimReply, type SimRequest } from '../http-kit';
import { appPermissions, appShape, inPowerAppsList } from '../power-platform-shapes';
import type { SimApp } from '../scenario';
import { AUDIENCE, ppError, type PowerPlatformContext } from './pp-context';

export class PowerAppsService {
  readonly #pp: PowerPlatformContext;

  constructor(pp: PowerPlatformContext) {
    this.#pp = pp;
  }

  /** `audience`: the token audience of the origin asked (Power Apps' own, or ARM's for the nextLinks that point there). */
  handle(req: SimRequest, audience: string = AUDIENCE.powerApps): SimReply | null {
    const pp = this.#pp;
    // Power Apps' nextLinks point to ARM's host (the recorded page in fixtures/powerplatform/field-samples/
    // powerapps-apis-list-page-with-nextLink-climicrosoft365-spec.json); the admin PowerShell reads them with an ARM token.
    const page = (items: object[]) => pp.page(req, items, pp.originOf('arm'));
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/providers\/Microsoft\.PowerApps\/scopes\/admin\/environments\/([^/]+)\/apps$/.exec(p))) {
      const envId = m[1];
      return pp.as(req, audience, (c) =>
        pp.ppAdmin(c, envId, () => pp.inEnv(c, envId, () => page((pp.appsByEnvironment.get(envId ?? '') ?? []).filter(inPowerAppsList).map((a) => appShape(a, c.tenantId, 'admin', pp.name))))),
      );
    }
    if ((m = /^\/providers\/Microsoft\.PowerApps\/scopes\/admin\/environments\/([^/]+)\/apps\/([^/]+)\/permissions$/.exec(p))) {
      const [, envId, appId] = m;
      return pp.as(req, audience, (c) =>
        pp.ppAdmin(c, envId, () =>
          pp.inEnv(c, envId, () => {
            const app = pp.appsByEnvironment.get(envId ?? '')?.find((a) => a.appId === appId && inPowerAppsList(a));
            return app ? json(200, appPermissions(app, c.tenantId, pp.name)) : ppError(404, 'AppNotFound', `Could not find app '${appId}'.`);
          }),
        ),
      );
    }
    if (p === '/providers/Microsoft.PowerApps/apps') {
      return pp.as(req, audience, (c) => {
        if (c.kind === 'service-principal' && !c.powerPlatformAdmin) return pp.unregistered(c);
        const envId = /environment eq '([^']+)'/.exec(req.url.searchParams.get('$filter') ?? '')?.[1];
        const inTenant = (a: SimApp) => inPowerAppsList(a) && pp.environment(a.environmentId)?.tenantId === c.tenantId && (!envId || a.environmentId === envId);
        const sees = (a: SimApp) => [a.ownerObjectId, ...a.coOwnerObjectIds, ...a.viewerObjectIds].includes(c.objectId);
        return page(pp.data.apps.filter((a) => inTenant(a) && sees(a)).map((a) => appShape(a, c.tenantId, 'maker', pp.name)));
      });
    }
    if ((m = /^\/providers\/Microsoft\.PowerApps\/apps\/([^/]+)\/permissions$/.exec(p))) {
      const appId = m[1];
      return pp.as(req, audience, (c) => {
        const app = pp.data.apps.find((a) => a.appId === appId && inPowerAppsList(a) && pp.environment(a.environmentId)?.tenantId === c.tenantId);
        if (!app) return ppError(404, 'AppNotFound', `Could not find app '${appId}'.`);
        if (![app.ownerObjectId, ...app.coOwnerObjectIds].includes(c.objectId)) return ppError(403, 'Forbidden', `The caller does not have permission to read the permissions of app '${appId}'.`);
        return json(200, appPermissions(app, c.tenantId, pp.name));
      });
    }
    return null;
  }
}
