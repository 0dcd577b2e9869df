/** Power Apps: an app is attributed to its owner or a co-owner (CanEdit); model-driven apps often show SYSTEM and cannot get co-owners. */
import type { OurAccount, ResourceChecklist, TenantContext } from '../checklist-types';
import type { AppFact, EnvironmentFact } from '../power-platform-types';
import { DOCS } from './doc-links';
import { accountByObjectId, outsiders, withoutObjectId } from './our-accounts';
import { notComparable, outcomeOf, type RoleResult } from './resource-checklist';
import { memoized, memoPalCheck, memoProductionCheck, memoSeveralPartnersCheck, memoSolutionCheck, tenantMemo, type TenantMemo } from './tenant-memo';

/** The object id the Power Apps API shows for SYSTEM, e.g. as the owner of an app a solution import created. */
export const SYSTEM_OBJECT_ID = '00000000-0000-0000-0000-5157eaa02fcd';

function ownerName(app: AppFact): string {
  if (app.ownerObjectId === null) return 'The owner is not given';
  return app.ownerObjectId.toLowerCase() === SYSTEM_OBJECT_ID ? 'Owner is SYSTEM' : `Owner is ${app.ownerObjectId}`;
}

/** "no co-owner", "1 co-owner, not ours", "3 co-owners, none of them ours". */
function coOwnersNotOurs(count: number): string {
  return count === 0 ? 'no co-owner' : count === 1 ? '1 co-owner, not ours' : `${count} co-owners, none of them ours`;
}


function modelDrivenRole(app: AppFact, context: TenantContext, env: string, who: string): RoleResult {
  const owner = app.ownerObjectId === null ? undefined : accountByObjectId(context.accounts, app.ownerObjectId);
  if (owner) return { check: { id: 'role', status: 'pass', reason: `Owner is ${owner.label} (a model-driven app is owned by the account that imported it).`, remediation: null }, attributed: [owner] };
  if (app.ownerObjectId === null) {
    return { check: { id: 'role', status: 'unknown', reason: 'The API did not give the owner of this model-driven app.', remediation: 'Sync again with an environment admin account so the owner can be read.' }, attributed: [] };
  }
  const isSystem = app.ownerObjectId.toLowerCase() === SYSTEM_OBJECT_ID;
  const found = isSystem ? 'Owner is SYSTEM (a model-driven app imported by a solution)' : `${ownerName(app)} (a model-driven app), not one of our accounts`;
  const missing = withoutObjectId(context.accounts);
  if (missing.length > 0 && !isSystem) return { check: notComparable(found, missing), attributed: [] };
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}; model-driven apps cannot get co-owners, so sharing it does not attribute it.`,
      remediation: `Import the solution holding this app into ${env} signed in as ${who}, so that account is the owner.`,
      docUrl: DOCS.solutions,
    },
    attributed: [],
  };
}

function canvasRole(app: AppFact, context: TenantContext, env: string, who: string): RoleResult {
  const attributed: OurAccount[] = [];
  const owner = app.ownerObjectId === null ? undefined : accountByObjectId(context.accounts, app.ownerObjectId);
  if (owner) attributed.push(owner);
  for (const id of app.coOwnerObjectIds ?? []) {
    const coOwner = accountByObjectId(context.accounts, id);
    if (coOwner && !attributed.includes(coOwner)) attributed.push(coOwner);
  }
  if (attributed.length > 0) {
    const names = attributed.map((a) => (a === owner ? `${a.label} (owner)` : `${a.label} (co-owner)`)).join(', ');
    return { check: { id: 'role', status: 'pass', reason: `Attributed to ${names}.`, remediation: null }, attributed };
  }
  if (app.ownerObjectId === null || app.coOwnerObjectIds === null) {
    const owner = app.ownerObjectId === null ? 'The API did not give the owner' : `${ownerName(app)} (not one of our accounts)`;
    const coOwnerText = app.coOwnerObjectIds === null ? 'the co-owners could not be read (permissions)' : `it has ${coOwnersNotOurs(app.coOwnerObjectIds.length)}`;
    return {
      check: { id: 'role', status: 'unknown', reason: `${owner}, and ${coOwnerText}: the app may still be ours.`, remediation: `Sync with an environment admin account so the app's permissions can be read, or check under Share that ${who} is a co-owner.` },
      attributed: [],
    };
  }
  const found = `${ownerName(app)}, not one of our accounts, with ${coOwnersNotOurs(app.coOwnerObjectIds.length)}`;
  const missing = withoutObjectId(context.accounts);
  if (missing.length > 0) return { check: notComparable(found, missing), attributed: [] };
  const share = `Share the app in ${env} with ${who} as co-owner (Share → Co-owner); the owner or an environment admin can do it.`;
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}${app.appType === null ? ' (the app type was not given)' : ''}.`,
      remediation: app.appType === null ? `If it is a canvas app: ${share} If it is model-driven (no co-owners): import its solution signed in as that account.` : share,
      docUrl: DOCS.shareCanvasApp,
    },
    attributed: [],
  };
}

/** The checklist of one app: role (owner/co-owner), partner link, several partners, production, solution. `memo`: the tenant's, when building many. */
export function appChecklist(app: AppFact, environment: EnvironmentFact | null, context: TenantContext, memo: TenantMemo = tenantMemo(context)): ResourceChecklist {
  const env = environment?.displayName ?? app.environmentId;
  const coOwners = app.coOwnerObjectIds === null ? null : app.coOwnerObjectIds.length === 0 ? '' : app.coOwnerObjectIds.join(',');
  const people = coOwners ? `${app.ownerObjectId}\n${coOwners}` : app.ownerObjectId;
  const role = memoized(memo, ['app-role', app.appType, env, coOwners === null, people], () =>
    app.appType === 'model-driven' ? modelDrivenRole(app, context, env, memo.who) : canvasRole(app, context, env, memo.who),
  );
  const others = outsiders(app.editorEmails, memo.known);
  const outcome = memoized(memo, ['app', environment, app.solutionAware, others.join('\n'), role], () =>
    outcomeOf(role.attributed, [
      role.check,
      memoPalCheck(memo, role.attributed),
      memoSeveralPartnersCheck(memo, role.attributed, others),
      memoProductionCheck(memo, environment),
      memoSolutionCheck(memo, app.solutionAware, 'app'),
    ]),
  );
  return { product: 'power-apps' as const, tenantId: app.tenantId, environmentId: app.environmentId, workspaceId: null, resourceId: app.appId, name: app.displayName, seenAt: app.seenAt, attributedTo: outcome.attributedTo, checks: outcome.checks, verdict: outcome.verdict };
}
