/** Simulated Power Automate: the admin (v2) and maker flow lists of an environment, with each flow's creator. */
import type { SimReply, SimRequest } from '../http-kit';
import { flowShape } from '../power-platform-shapes';
import { AUDIENCE, ppError, type PowerPlatformContext } from './pp-context';

export class FlowService {
  readonly #pp: PowerPlatformContext;

  constructor(pp: PowerPlatformContext) {
    this.#pp = pp;
  }

  handle(req: SimRequest): SimReply | null {
    const pp = this.#pp;
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/providers\/Microsoft\.ProcessSimple\/scopes\/admin\/environments\/([^/]+)\/v2\/flows$/.exec(p))) {
      const envId = m[1];
      return pp.as(req, AUDIENCE.flow, (c) =>
        pp.ppAdmin(c, () => pp.inEnv(c, envId, () => pp.page(req, (pp.flowsByEnvironment.get(envId ?? '') ?? []).map((f) => flowShape(f, c.tenantId, 'admin', pp.environment(envId)?.dataverse !== undefined))))),
      );
    }
    if ((m = /^\/providers\/Microsoft\.ProcessSimple\/environments\/([^/]+)\/flows$/.exec(p))) {
      const envId = m[1];
      return pp.as(req, AUDIENCE.flow, (c) => {
        if (c.kind === 'service-principal') return ppError(403, 'Forbidden', 'Service principals cannot list flows in the maker scope; use the admin scope with a registered app.');
        return pp.inEnv(c, envId, () =>
          pp.page(
            req,
            (pp.flowsByEnvironment.get(envId ?? '') ?? []).filter((f) => f.creatorObjectId === c.objectId || f.coOwnerObjectIds?.includes(c.objectId)).map((f) => flowShape(f, c.tenantId, 'maker', pp.environment(envId)?.dataverse !== undefined)),
          ),
        );
      });
    }
    return null;
  }
}
