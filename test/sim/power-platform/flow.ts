/** Simulated Power Automate: the admin (v2) and maker flow lists of an environment, with each flow's creator, and each flow's permissions (owners). */
import { json, type SimReply, type SimRequest } from '../http-kit';
import { flowPermissions, flowShape } from '../power-platform-shapes';
import type { SimFlow } from '../scenario';
import { AUDIENCE, ppError, type Caller, type PowerPlatformContext } from './pp-context';

/** Solution cloud flows come in a list only when asked for: pnp/cli-microsoft365 `src/m365/flow/commands/flow-list.ts` (`getApiUrl`) appends `include=includeSolutionCloudFlows`, to the admin `v2/flows` URL too, to get them. */
const withSolutionFlows = (req: SimRequest) => req.url.searchParams.getAll('include').some((v) => v.split(',').includes('includeSolutionCloudFlows'));

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
      const listed = (f: SimFlow) => !f.solution || withSolutionFlows(req);
      return pp.as(req, AUDIENCE.flow, (c) =>
        pp.ppAdmin(c, envId, () => pp.inEnv(c, envId, () => pp.page(req, (pp.flowsByEnvironment.get(envId ?? '') ?? []).filter(listed).map((f) => flowShape(f, c.tenantId, 'admin', pp.environment(envId)?.dataverse !== undefined))))),
      );
    }
    if ((m = /^\/providers\/Microsoft\.ProcessSimple\/environments\/([^/]+)\/flows$/.exec(p))) {
      const envId = m[1];
      return pp.as(req, AUDIENCE.flow, (c) => {
        if (c.kind === 'service-principal') return ppError(403, 'Forbidden', 'Service principals cannot list flows in the maker scope; use the admin scope with a registered app.');
        return pp.inEnv(c, envId, () =>
          pp.page(
            req,
            (pp.flowsByEnvironment.get(envId ?? '') ?? []).filter((f) => (!f.solution || withSolutionFlows(req)) && owns(c, f)).map((f) => flowShape(f, c.tenantId, 'maker', pp.environment(envId)?.dataverse !== undefined)),
          ),
        );
      });
    }
    // A flow's permissions, in admin scope or as one of its owners: pnp/cli-microsoft365 `src/m365/flow/commands/owner/owner-list.ts`
    // reads `…/[scopes/admin/]environments/{env}/flows/{flow}/permissions?api-version=2016-11-01`.
    if ((m = /^\/providers\/Microsoft\.ProcessSimple\/(scopes\/admin\/)?environments\/([^/]+)\/flows\/([^/]+)\/permissions$/.exec(p))) {
      const [, admin, envId, flowId] = m;
      return pp.as(req, AUDIENCE.flow, (c) => {
        const read = () =>
          pp.inEnv(c, envId, () => {
            const flow = pp.flowsByEnvironment.get(envId ?? '')?.find((f) => f.flowId === flowId);
            if (!flow) return ppError(404, 'FlowNotFound', `Could not find flow '${flowId}'.`);
            if (!admin && !owns(c, flow)) return ppError(403, 'Forbidden', `The caller does not have permission to read the permissions of flow '${flowId}'.`);
            return json(200, flowPermissions(flow));
          });
        return admin ? pp.ppAdmin(c, envId, read) : read();
      });
    }
    return null;
  }
}

const owns = (c: Caller, f: SimFlow) => f.creatorObjectId === c.objectId || (f.coOwnerObjectIds?.includes(c.objectId) ?? false);
