/** Power Automate: a flow is attributed to its one creator (`creator.objectId`), never to today's owners. */
import type { ResourceChecklist, TenantContext } from '../checklist-types';
import type { EnvironmentFact, FlowFact } from '../power-platform-types';
import { DOCS } from './doc-links';
import { accountByObjectId, withoutObjectId } from './our-accounts';
import { notComparable, outcomeOf, type RoleResult } from './resource-checklist';
import { memoized, memoPalCheck, memoProductionCheck, memoSolutionCheck, tenantMemo, type TenantMemo } from './tenant-memo';

function creatorRole(flow: FlowFact, context: TenantContext, env: string, who: string): RoleResult {
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
      remediation: `Recreate the flow in ${env} signed in as ${who}, or import it through a solution signed in as that account, then turn the old one off.`,
      docUrl: DOCS.solutions,
    },
    attributed: [],
  };
}

/** The checklist of one flow: creator, partner link, production, solution (one creator, so no several-partners check). `memo`: the tenant's, when building many. */
export function flowChecklist(flow: FlowFact, environment: EnvironmentFact | null, context: TenantContext, memo: TenantMemo = tenantMemo(context)): ResourceChecklist {
  const env = environment?.displayName ?? flow.environmentId;
  const role = memoized(memo, ['flow-role', env, flow.creatorObjectId], () => creatorRole(flow, context, env, memo.who));
  const outcome = memoized(memo, ['flow', environment, flow.solutionAware, role], () =>
    outcomeOf(role.attributed, [role.check, memoPalCheck(memo, role.attributed), memoProductionCheck(memo, environment), memoSolutionCheck(memo, flow.solutionAware, 'flow')]),
  );
  return { product: 'power-automate' as const, tenantId: flow.tenantId, environmentId: flow.environmentId, workspaceId: null, resourceId: flow.flowId, name: flow.displayName, seenAt: flow.seenAt, attributedTo: outcome.attributedTo, checks: outcome.checks, verdict: outcome.verdict };
}
