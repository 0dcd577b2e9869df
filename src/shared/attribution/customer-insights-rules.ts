/** Customer Insights: an environment is attributed to any of our accounts that is an interactive, enabled Dataverse user there; other kinds are unknown. */
import type { OurAccount, ResourceChecklist, TenantContext } from '../checklist-types';
import type { DataverseUserFact, DataverseUserKind, EnvironmentFact, InventoryScope } from '../power-platform-types';
import { DOCS } from './doc-links';
import { productionCheck } from './environment-checks';
import { accountByObjectId, whoToUse, withoutObjectId } from './our-accounts';
import { palCheck, severalPartnersCheck } from './pal-check';
import { NOBODY, notComparable, outcomeOf, type RoleResult } from './resource-checklist';

/** How a kind of Dataverse user reads in a sentence; kinds Microsoft does not say count for Customer Insights attribution, and null (not read). */
const UNCERTAIN: Record<Exclude<DataverseUserKind, 'interactive' | 'disabled' | 'deleted'> | 'unread', string> = {
  application: 'an application user',
  'non-interactive': 'a non-interactive user',
  administrative: 'an administrative-access user',
  read: 'a read-access user',
  support: 'a support user',
  'delegated-admin': 'a delegated admin user',
  unread: 'a user of a kind PAL Desk could not tell (read before it told kinds apart, or an access mode it does not know; sync again)',
};

/** Each of our accounts once, by its best kind in the environment: interactive, then a kind of unknown weight, then disabled, then deleted. */
function ourUsers(users: readonly DataverseUserFact[], context: TenantContext): Map<OurAccount, DataverseUserKind | 'unread'> {
  const rank = (kind: DataverseUserKind | 'unread') => (kind === 'interactive' ? 0 : kind === 'disabled' ? 2 : kind === 'deleted' ? 3 : 1);
  const byAccount = new Map<OurAccount, DataverseUserKind | 'unread'>();
  for (const user of users) {
    const account = accountByObjectId(context.accounts, user.azureObjectId);
    if (!account) continue;
    const kind = user.kind ?? (user.isDisabled ? 'disabled' : 'unread');
    const seen = byAccount.get(account);
    if (seen === undefined || rank(kind) < rank(seen)) byAccount.set(account, kind);
  }
  return byAccount;
}

const labels = (accounts: readonly OurAccount[]) => accounts.map((a) => a.label).join(', ');

function activeUserRole(environment: EnvironmentFact, users: readonly DataverseUserFact[], scope: InventoryScope | null, context: TenantContext): RoleResult {
  const env = environment.displayName;
  if (environment.customerInsights === null) {
    return {
      check: {
        id: 'role',
        status: 'unknown',
        reason: environment.customerInsightsReason ?? `Whether ${env} has Customer Insights could not be read.`,
        remediation: `Sync with a Power Platform admin or a user of ${env}, so PAL Desk can see whether Customer Insights is installed there.`,
      },
      attributed: NOBODY,
    };
  }
  if (users.length === 0) {
    const why = scope?.scope === 'denied' && scope.reason ? ` (${scope.reason})` : '';
    return {
      check: { id: 'role', status: 'unknown', reason: `The Dataverse users of ${env} have not been read${why}.`, remediation: `Sync with an account that can read ${env}'s users (a System Administrator there).` },
      attributed: NOBODY,
    };
  }
  const ours = ourUsers(users, context);
  const of = (wanted: (kind: DataverseUserKind | 'unread') => boolean) => [...ours].filter(([, kind]) => wanted(kind)).map(([account]) => account);
  const active = of((k) => k === 'interactive');
  if (active.length > 0) {
    return { check: { id: 'role', status: 'pass', reason: `${labels(active)} ${active.length === 1 ? 'is an active user' : 'are active users'} of ${env}.`, remediation: null }, attributed: active };
  }
  const uncertain = [...ours].flatMap(([account, kind]) => (kind in UNCERTAIN ? [`${account.label} is ${UNCERTAIN[kind as keyof typeof UNCERTAIN]}`] : []));
  if (uncertain.length > 0) {
    const names = labels(of((k) => k in UNCERTAIN));
    return {
      check: {
        id: 'role',
        status: 'unknown',
        reason: `${uncertain.join(', ')} of ${env}, and no account of ours is an interactive user there: Microsoft does not say whether that kind of user counts for Customer Insights.`,
        remediation: `To be sure, ask the customer's admin to add ${names} as an interactive (read-write) user of ${env} with a security role.`,
        docUrl: DOCS.addUsers,
      },
      attributed: NOBODY,
    };
  }
  const disabled = of((k) => k === 'disabled');
  const deleted = of((k) => k === 'deleted');
  const found = [
    disabled.length > 0 ? `${labels(disabled)} ${disabled.length === 1 ? 'is a disabled user' : 'are disabled users'} of ${env}` : '',
    deleted.length > 0 ? `${labels(deleted)} ${deleted.length === 1 ? 'is a deleted user' : 'are deleted users'} of ${env}` : '',
  ].filter(Boolean);
  const summary = found.length > 0 ? `${found.join(', ')}, and no account of ours is active there` : `None of our accounts is a user of ${env}`;
  const missing = withoutObjectId(context.accounts);
  if (missing.length > 0) return { check: notComparable(summary, missing), attributed: NOBODY };
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${summary}; only active users count.`,
      remediation:
        disabled.length > 0
          ? `Ask the customer's admin to enable ${labels(disabled)} in ${env} (a licence and a security role).`
          : deleted.length > 0
            ? `Ask the customer's admin to add ${labels(deleted)} again as a user of ${env} with a security role.`
            : `Ask the customer's admin to add ${whoToUse(context)} as a user of ${env} with a security role.`,
      docUrl: DOCS.addUsers,
    },
    attributed: NOBODY,
  };
}

/** The checklist of one Customer Insights environment: an active user of ours, partner link, several partners, production. */
export function customerInsightsChecklist(environment: EnvironmentFact, users: readonly DataverseUserFact[], scope: InventoryScope | null, context: TenantContext): ResourceChecklist {
  const role = activeUserRole(environment, users, scope, context);
  const checks = [role.check, palCheck(role.attributed, context), severalPartnersCheck(role.attributed, context), productionCheck(environment)];
  const seenAt = users.reduce((oldest, u) => (u.seenAt < oldest ? u.seenAt : oldest), environment.seenAt);
  return { product: 'customer-insights' as const, tenantId: environment.tenantId, environmentId: environment.environmentId, workspaceId: null, resourceId: environment.environmentId, name: environment.displayName, seenAt, ...outcomeOf(role.attributed, checks) };
}
