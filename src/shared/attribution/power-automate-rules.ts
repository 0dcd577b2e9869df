/** Power Automate: a flow is attributed to its one creator (`creator.objectId`), never to today's owners. */
import type { ResourceChecklist, TenantContext } from '../checklist-types';
import type { EnvironmentFact, FlowFact } from '../power-platform-types';
import { DOCS } from './doc-links';
import { NOBODY, notComparable, type Outcome, outcomeOf, type RoleResult } from './resource-checklist';
import { type EnvironmentMemo, environmentMemo, memoFlowSolutionCheck, memoPalCheck, memoProductionCheck, ourAccount, roleEntry, solutionVariant, tenantMemo, type TenantMemo } from './tenant-memo';

function creatorRole(flow: FlowFact, memo: TenantMemo, { name: env }: EnvironmentMemo): RoleResult {
  if (flow.creatorObjectId === null) {
    return { check: { id: 'role', status: 'unknown', reason: 'The API did not give the creator of this flow.', remediation: 'Sync again with an environment admin account so the creator can be read.' }, attributed: NOBODY };
  }
  const creator = ourAccount(memo, flow.creatorObjectId);
  if (creator) return { check: { id: 'role', status: 'pass', reason: `Created by ${creator.label}.`, remediation: null }, attributed: [creator] };
  const found = `Created by ${flow.creatorObjectId}, not one of our accounts (perhaps someone who has left)`;
  if (memo.missing.length > 0) return { check: notComparable(found, memo.missing), attributed: NOBODY };
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}. A flow counts for its creator only, and the creator never changes: owning or co-owning it today does not count.`,
      remediation: `Recreate the flow in ${env} signed in as ${memo.who}, or import it through a solution signed in as that account, then turn the old one off.`,
      docUrl: DOCS.solutions,
    },
    attributed: NOBODY,
  };
}

/** What the rules say about one flow: creator, partner link, production, solution (one creator, so no several-partners check). */
export function flowOutcome(flow: FlowFact, environment: EnvironmentFact | null, memo: TenantMemo): Outcome {
  const env = environmentMemo(memo, flow.environmentId, environment);
  const entry = roleEntry(env.flowRoles, flow.creatorObjectId, creatorRole, flow, memo, env);
  const { role } = entry;
  return (entry.outcomes[solutionVariant(flow.solutionAware)] ??= outcomeOf(role.attributed, [
    role.check,
    memoPalCheck(memo, role.attributed),
    memoProductionCheck(env),
    memoFlowSolutionCheck(memo, env, flow.solutionAware),
  ]));
}

/** A flow's row in the checklist, from its facts and what the rules say. */
export const flowRow = (flow: FlowFact, o: Outcome): ResourceChecklist => ({
  product: 'power-automate',
  tenantId: flow.tenantId,
  environmentId: flow.environmentId,
  workspaceId: null,
  resourceId: flow.flowId,
  name: flow.displayName,
  seenAt: flow.seenAt,
  ...o,
});

/** The checklist of one flow. `memo`: the tenant's, when building many. */
export const flowChecklist = (flow: FlowFact, environment: EnvironmentFact | null, context: TenantContext, memo: TenantMemo = tenantMemo(context)): ResourceChecklist =>
  flowRow(flow, flowOutcome(flow, environment, memo));
