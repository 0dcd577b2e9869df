/** Power Automate: a flow is attributed to its one creator (`creator.objectId`), never to today's owners. */
import type { ResourceChecklist, TenantContext } from '../checklist-types';
import type { EnvironmentFact, FlowFact } from '../power-platform-types';
import { DOCS } from './doc-links';
import { productionCheck, solutionCheck } from './environment-checks';
import { accountByObjectId, whoToUse, withoutObjectId } from './our-accounts';
import { palCheck } from './pal-check';
import { notComparable, resourceChecklist, type RoleResult } from './resource-checklist';

function creatorRole(flow: FlowFact, context: TenantContext, env: string): RoleResult {
  if (flow.creatorObjectId === null) {
    return { check: { id: 'role', status: 'unknown', reason: 'The API did not give the creator of this flow.', remediation: 'Sync again with an environment admin account so the creator can be read.' }, attributed: [] };
  }
  const creator = accountByObjectId(context.accounts, flow.creatorObjectId);
  if (creator) return { check: { id: 'role', status: 'pass', reason: `Created by ${creator.label}.`, remediation: null }, attributed: [creator] };
  const found = `Created by ${flow.creatorObjectId}, not one of our accounts (perhaps someone who has left)`;
  const missing = withoutObjectId(context.accounts);
  if (missing.length > 0) return { check: notComparable(found, missing), attributed: [] };
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}. A flow counts for its creator only, and the creator never changes: owning or co-owning it today does not count.`,
      remediation: `Recreate the flow in ${env} signed in as ${whoToUse(context)}, or import it through a solution signed in as that account, then turn the old one off.`,
      docUrl: DOCS.solutions,
    },
    attributed: [],
  };
}

/** The checklist of one flow: creator, partner link, production, solution (one creator, so no several-partners check). */
export function flowChecklist(flow: FlowFact, environment: EnvironmentFact | null, context: TenantContext): ResourceChecklist {
  const env = environment?.displayName ?? flow.environmentId;
  const role = creatorRole(flow, context, env);
  const checks = [role.check, palCheck(role.attributed, context), productionCheck(environment), solutionCheck(flow.solutionAware, 'flow', whoToUse(context))];
  const base = { product: 'power-automate' as const, tenantId: flow.tenantId, environmentId: flow.environmentId, workspaceId: null, resourceId: flow.flowId, name: flow.displayName, seenAt: flow.seenAt };
  return resourceChecklist(base, role.attributed, checks);
}
