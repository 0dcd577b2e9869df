/** Customer Insights: an environment is attributed to any active (not disabled) Dataverse user who is one of our accounts. */
import type { OurAccount, ResourceChecklist, TenantContext } from '../checklist-types';
import type { DataverseUserFact, EnvironmentFact, InventoryScope } from '../power-platform-types';
import { DOCS } from './doc-links';
import { productionCheck } from './environment-checks';
import { accountByObjectId, whoToUse, withoutObjectId } from './our-accounts';
import { palCheck, severalPartnersCheck } from './pal-check';
import { NOBODY, notComparable, outcomeOf, type RoleResult } from './resource-checklist';

function activeUserRole(environment: EnvironmentFact, users: readonly DataverseUserFact[], scope: InventoryScope | null, context: TenantContext): RoleResult {
  const env = environment.displayName;
  if (users.length === 0) {
    const why = scope?.scope === 'denied' && scope.reason ? ` (${scope.reason})` : '';
    return {
      check: { id: 'role', status: 'unknown', reason: `The Dataverse users of ${env} have not been read${why}.`, remediation: `Sync with an account that can read ${env}'s users (a System Administrator there).` },
      attributed: NOBODY,
    };
  }
  const active: OurAccount[] = [];
  const disabled: OurAccount[] = [];
  for (const user of users) {
    const account = accountByObjectId(context.accounts, user.azureObjectId);
    if (!account) continue;
    const list = user.isDisabled ? disabled : active;
    if (!list.includes(account)) list.push(account);
  }
  if (active.length > 0) {
    return { check: { id: 'role', status: 'pass', reason: `${active.map((a) => a.label).join(', ')} ${active.length === 1 ? 'is an active user' : 'are active users'} of ${env}.`, remediation: null }, attributed: active };
  }
  const found = disabled.length > 0
    ? `${disabled.map((a) => a.label).join(', ')} ${disabled.length === 1 ? 'is a disabled user' : 'are disabled users'} of ${env}, and no account of ours is active there`
    : `None of our accounts is a user of ${env}`;
  const missing = withoutObjectId(context.accounts);
  if (missing.length > 0) return { check: notComparable(found, missing), attributed: NOBODY };
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `${found}; only active users count.`,
      remediation: disabled.length > 0
        ? `Ask the customer's admin to enable ${disabled.map((a) => a.label).join(', ')} in ${env} (a licence and a security role).`
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
