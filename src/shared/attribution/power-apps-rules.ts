/** Power Apps: an app is attributed to its owner or a co-owner (CanEdit); model-driven apps often show SYSTEM and cannot get co-owners; a security group as co-owner is unknown (not documented). */
import type { OurAccount, ResourceChecklist, TenantContext } from '../checklist-types';
import type { AppFact, EnvironmentFact } from '../power-platform-types';
import { DOCS } from './doc-links';
import { lowerCase } from './our-accounts';
import { NOBODY, notComparable, type Outcome, outcomeOf, type RoleResult } from './resource-checklist';
import {
  type EnvironmentMemo,
  environmentMemo,
  outsidersOf,
  memoPalCheck,
  memoProductionCheck,
  memoSeveralPartnersCheck,
  memoSolutionCheck,
  ourAccount,
  roleEntry,
  solutionVariant,
  tenantMemo,
  type TenantMemo,
} from './tenant-memo';

/** The object id the Power Apps API shows for SYSTEM, e.g. as the owner of an app a solution import created. */
export const SYSTEM_OBJECT_ID = '00000000-0000-0000-0000-5157eaa02fcd';

const NO_IDS: readonly string[] = Object.freeze([]);

/** Whether the object id is SYSTEM's (case-insensitively; most ids need no lower-casing). */
const isSystem = (id: string): boolean => lowerCase(id) === SYSTEM_OBJECT_ID;

function ownerName(app: AppFact): string {
  if (app.ownerObjectId === null) return 'The owner is not given';
  return isSystem(app.ownerObjectId) ? 'Owner is SYSTEM' : `Owner is ${app.ownerObjectId}`;
}

/** "no co-owner", "1 co-owner, not ours", "3 co-owners, none of them ours". */
function coOwnersNotOurs(count: number): string {
  return count === 0 ? 'no co-owner' : count === 1 ? '1 co-owner, not ours' : `${count} co-owners, none of them ours`;
}

function modelDrivenRole(app: AppFact, memo: TenantMemo, { name: env }: EnvironmentMemo): RoleResult {
  const owner = app.ownerObjectId === null ? undefined : ourAccount(memo, app.ownerObjectId);
  if (owner) return { check: { id: 'role', status: 'pass', reason: `Owner is ${owner.label} (a model-driven app is owned by the account that imported it).`, remediation: null }, attributed: [owner] };
  if (app.ownerObjectId === null) {
    return { check: { id: 'role', status: 'unknown', reason: 'The API did not give the owner of this model-driven app.', remediation: 'Sync again with an environment admin account so the owner can be read.' }, attributed: NOBODY };
  }
  const system = isSystem(app.ownerObjectId);
  const found = system ? 'Owner is SYSTEM (a model-driven app imported by a solution)' : `${ownerName(app)} (a model-driven app), not one of our accounts`;
  if (memo.missing.length > 0 && !system) return { check: notComparable(found, memo.missing), attributed: NOBODY };
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}; model-driven apps cannot get co-owners, so sharing it does not attribute it.`,
      remediation: `Import the solution holding this app into ${env} signed in as ${memo.who}, so that account is the owner.`,
      docUrl: DOCS.solutions,
    },
    attributed: NOBODY,
  };
}

function canvasRole(app: AppFact, memo: TenantMemo, env: EnvironmentMemo): RoleResult {
  let attributed: OurAccount[] | null = null;
  const owner = app.ownerObjectId === null ? undefined : ourAccount(memo, app.ownerObjectId);
  if (owner) attributed = [owner];
  for (const id of app.coOwnerObjectIds ?? NO_IDS) {
    const coOwner = ourAccount(memo, id);
    if (coOwner && !attributed?.includes(coOwner)) (attributed ??= []).push(coOwner);
  }
  if (attributed !== null) {
    const names = attributed.map((a) => (a === owner ? `${a.label} (owner)` : `${a.label} (co-owner)`)).join(', ');
    return { check: { id: 'role', status: 'pass', reason: `Attributed to ${names}.`, remediation: null }, attributed };
  }
  if (app.ownerObjectId === null || app.coOwnerObjectIds === null) {
    const owner = app.ownerObjectId === null ? 'The API did not give the owner' : `${ownerName(app)} (not one of our accounts)`;
    const coOwnerText = app.coOwnerObjectIds === null ? 'the co-owners could not be read (permissions)' : `it has ${coOwnersNotOurs(app.coOwnerObjectIds.length)}`;
    return {
      check: { id: 'role', status: 'unknown', reason: `${owner}, and ${coOwnerText}: the app may still be ours.`, remediation: `Sync with an environment admin account so the app's permissions can be read, or check under Share that ${memo.who} is a co-owner.` },
      attributed: NOBODY,
    };
  }
  const found = `${ownerName(app)}, not one of our accounts, with ${coOwnersNotOurs(app.coOwnerObjectIds.length)}`;
  const groups = app.coOwnerGroups ?? [];
  if (groups.length > 0) {
    const named = groups.map((g) => (g.displayName ? `'${g.displayName}'` : g.objectId)).join(', ');
    return {
      check: {
        id: 'role',
        status: 'unknown',
        reason: `${found}; shared as co-owner with the security group${groups.length === 1 ? '' : 's'} ${named}: whether Microsoft credits a member of a co-owner group is not documented.`,
        remediation: `To be sure it counts, share the app in ${env.name} with ${memo.who} directly as co-owner (Share → Co-owner); the owner or an environment admin can do it.`,
        docUrl: DOCS.shareCanvasApp,
      },
      attributed: NOBODY,
    };
  }
  if (memo.missing.length > 0) return { check: notComparable(found, memo.missing), attributed: NOBODY };
  const share = (env.share ??= `Share the app in ${env.name} with ${memo.who} as co-owner (Share → Co-owner); the owner or an environment admin can do it.`);
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}${app.appType === null ? ' (the app type was not given)' : ''}.`,
      remediation: app.appType === null ? `If it is a canvas app: ${share} If it is model-driven (no co-owners): import its solution signed in as that account.` : share,
      docUrl: DOCS.shareCanvasApp,
    },
    attributed: NOBODY,
  };
}

/** The role variant: the app type, and whether the co-owners were read. */
const roleVariant = (app: AppFact): number => (app.appType === 'canvas' ? 0 : app.appType === 'model-driven' ? 2 : 4) + (app.coOwnerObjectIds === null ? 1 : 0);

/** What the rules say about one app: role (owner/co-owner), partner link, several partners, production, solution. */
export function appOutcome(app: AppFact, environment: EnvironmentFact | null, memo: TenantMemo): Outcome {
  const env = environmentMemo(memo, app.environmentId, environment);
  const coOwners = app.coOwnerObjectIds;
  const groups = app.coOwnerGroups;
  const people =
    (coOwners === null || coOwners.length === 0) && !groups?.length
      ? app.ownerObjectId
      : `${app.ownerObjectId}\n${(coOwners ?? []).join(',')}${groups?.length ? `\n${groups.map((g) => `${g.objectId}:${g.displayName ?? ''}`).join(',')}` : ''}`;
  const roles = (env.appRoles[roleVariant(app)] ??= new Map());
  const entry = roleEntry(roles, people, app.appType === 'model-driven' ? modelDrivenRole : canvasRole, app, memo, env);
  const others = outsidersOf(memo, app.editorEmails);
  const variant = solutionVariant(app.solutionAware);
  if (others.length === 0) return (entry.outcomes[variant] ??= outcome(app, entry.role, others, env, memo));
  const shared = (entry.withOutsiders ??= new Map());
  const key = `${variant}\n${others.join('\n')}`;
  let found = shared.get(key);
  if (found === undefined) shared.set(key, (found = outcome(app, entry.role, others, env, memo)));
  return found;
}

function outcome(app: AppFact, role: RoleResult, others: readonly string[], env: EnvironmentMemo, memo: TenantMemo): Outcome {
  return outcomeOf(role.attributed, [
    role.check,
    memoPalCheck(memo, role.attributed),
    memoSeveralPartnersCheck(memo, role.attributed, others),
    memoProductionCheck(env),
    memoSolutionCheck(memo, app.solutionAware, 'app'),
  ]);
}

/** An app's row in the checklist, from its facts and what the rules say. */
export const appRow = (app: AppFact, o: Outcome): ResourceChecklist => ({
  product: 'power-apps',
  tenantId: app.tenantId,
  environmentId: app.environmentId,
  workspaceId: null,
  resourceId: app.appId,
  name: app.displayName,
  seenAt: app.seenAt,
  ...o,
});

/** The checklist of one app. `memo`: the tenant's, when building many. */
export const appChecklist = (app: AppFact, environment: EnvironmentFact | null, context: TenantContext, memo: TenantMemo = tenantMemo(context)): ResourceChecklist =>
  appRow(app, appOutcome(app, environment, memo));
