/**
 * Power Automate: a flow is attributed to its one creator (`creator.objectId`). Microsoft's PAL page also lists changing a flow's
 * owners (`Set-AdminFlowOwnerRole`) as a way to change attributed users, so a flow one of ours owns but did not create is unknown.
 */
import type { OurAccount, ResourceChecklist, TenantContext } from '../checklist-types';
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
  const owners = ourOwners(flow, memo);
  if (owners.length > 0) {
    const who = owners.map((a) => a.label).join(', ');
    return {
      check: {
        id: 'role',
        status: 'unknown',
        reason: `${found}; ${who} ${owners.length === 1 ? 'owns' : 'own'} it today. Microsoft's partner-link page credits a flow's creator, yet lists changing a flow's owners (Set-AdminFlowOwnerRole) as a way to change attributed users: whether owning a flow you did not create counts is not documented.`,
        remediation: `To be sure it counts, recreate the flow in ${env} signed in as ${memo.who}, or import it through a solution signed in as that account, then turn the old one off.`,
        docUrl: DOCS.pal,
      },
      attributed: NOBODY,
    };
  }
  if (memo.missing.length > 0) return { check: notComparable(found, memo.missing), attributed: NOBODY };
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}. A flow counts for its creator, and the creator never changes.`,
      remediation: `Recreate the flow in ${env} signed in as ${memo.who}, or import it through a solution signed in as that account, then turn the old one off.`,
      docUrl: DOCS.solutions,
    },
    attributed: NOBODY,
  };
}

/** Our accounts among the flow's owners today (read only when its creator is not one of ours). */
function ourOwners(flow: FlowFact, memo: TenantMemo): OurAccount[] {
  const found: OurAccount[] = [];
  for (const id of flow.ownerObjectIds ?? []) {
    const account = ourAccount(memo, id);
    if (account && !found.includes(account)) found.push(account);
  }
  return found;
}

/** What the rules say about one flow: creator, partner link, production, solution (one creator, so no several-partners check). */
export function flowOutcome(flow: FlowFact, environment: EnvironmentFact | null, memo: TenantMemo): Outcome {
  const env = environmentMemo(memo, flow.environmentId, environment);
  const owners = flow.ownerObjectIds;
  const entry = roleEntry(env.flowRoles, owners?.length ? `${flow.creatorObjectId}\n${owners.join(',')}` : flow.creatorObjectId, creatorRole, flow, memo, env);
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
