/** Collector: Power Automate cloud flows of every environment read in this sync, with creator, state, solution awareness (from Dataverse) and, for a flow none of ours created, today's owners. */
import { identityLabelOf, identityRefOf, type TenantIdentity } from '../../domain/identity';
import { registrationRefusal } from '../../powerplatform/environment-reader';
import { listFlows } from '../../powerplatform/flow-api';
import { readPerEnvironment } from '../../powerplatform/per-environment';
import { withFlowSolutions } from '../../powerplatform/solution-facts';
import type { Collector } from '../collector';
import type { PowerPlatformCollectorDeps } from './power-apps';
import { scopedFacts } from './scoped-facts';

/** Power Automate refuses service principals in maker scope: only the admin scope of a registered app lists flows for them. */
const refusal = (account: TenantIdentity) =>
  account.kind === 'service-principal'
    ? `${identityLabelOf(account)}: Power Automate lists flows for a service principal only in admin scope, after a Power Platform admin registers the app (New-PowerAppManagementApp).`
    : registrationRefusal('flows')(account);

export function flowsCollector(deps: PowerPlatformCollectorDeps): Collector {
  return {
    name: 'flows',
    facts: 'flows',
    service: 'Power Automate',
    async collect(ctx) {
      const environments = await deps.environments.read(ctx);
      ctx.step('flows');
      const seenAt = new Date().toISOString();
      // A flow's owners matter only when its creator is not one of ours (the rules then tell whether owning it may count).
      const ours = new Set(ctx.accounts.flatMap((a) => (a.objectId ? [a.objectId.toLowerCase()] : [])));
      const readOwners = (creator: string | null) => creator !== null && !ours.has(creator.toLowerCase());
      const listed = await readPerEnvironment(environments, {
        accounts: ctx.accounts,
        adminName: 'a Power Platform admin',
        list: (account, environment, scope) =>
          listFlows(
            { rest: deps.clients.rest(ctx.tenantId, identityRefOf(account), deps.cloud.scopes.flow, ctx.label), base: deps.cloud.endpoints.flow, tenantId: ctx.tenantId, seenAt, signal: ctx.signal },
            environment.environmentId,
            scope,
            readOwners,
          ),
        key: (f) => f.flowId,
        refusal,
      });
      const read = await withFlowSolutions(ctx, listed, environments, deps.solutions);
      return scopedFacts(deps.inventory, ctx, 'power-automate', read, seenAt, (tenantId, items) => deps.inventory.powerPlatform.replaceFlows(tenantId, items));
    },
  };
}
