/** Power BI: a dataset is attributed to its publisher, `configuredBy`, a UPN (a guest's in the `#EXT#` form). */
import type { ResourceChecklist, TenantContext } from '../checklist-types';
import type { DatasetFact } from '../power-platform-types';
import { DOCS } from './doc-links';
import { accountByUpn, preferredAccount, whoToUse } from './our-accounts';
import { NOBODY, type Outcome, outcomeOf, type RoleResult } from './resource-checklist';
import { memoPalCheck, roleEntry, tenantMemo, type TenantMemo } from './tenant-memo';
import { guestUpn } from './upn';

/** "ana@northwindpartners.com (in this tenant ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com)" when it helps. */
function publishAs(context: TenantContext): string {
  const account = preferredAccount(context.accounts);
  const domain = context.domains.find((d) => d.toLowerCase().endsWith('.onmicrosoft.com'));
  if (!account?.upn || !domain || account.upn.toLowerCase().endsWith(`@${domain.toLowerCase()}`)) return whoToUse(context);
  return `${whoToUse(context)}, whose UPN in this tenant is ${guestUpn(account.upn, domain)} if it is a guest`;
}

function publisherRole(dataset: DatasetFact, { context }: TenantMemo): RoleResult {
  const by = dataset.configuredBy?.trim() ?? '';
  if (by === '') {
    return { check: { id: 'role', status: 'unknown', reason: 'The API did not give the publisher (configuredBy) of this dataset.', remediation: 'Sync again with a Power BI admin or a workspace member account.' }, attributed: NOBODY };
  }
  const publisher = accountByUpn(context, by);
  if (publisher) return { check: { id: 'role', status: 'pass', reason: `Published by ${publisher.label} (${by}).`, remediation: null }, attributed: [publisher] };
  const noUpn = context.accounts.filter((a) => a.upn === null && (a.kind === 'user' || !by.includes('@')));
  if (noUpn.length > 0) {
    const names = noUpn.map((a) => a.label).join(', ');
    return {
      check: { id: 'role', status: 'unknown', reason: `Published by ${by}; ${names} ${noUpn.length === 1 ? 'has' : 'have'} no UPN known here (how Power BI names a service principal publisher is not documented), so it could not be compared.`, remediation: `Check in the dataset's settings in the Power BI service who its owner is.` },
      attributed: NOBODY,
    };
  }
  return {
    check: {
      id: 'role',
      status: 'fail',
      reason: `Published by ${by}, not one of our accounts.`,
      remediation: `Publish the dataset (its .pbix) from Power BI Desktop signed in as ${publishAs(context)}.`,
      docUrl: DOCS.publishDataset,
    },
    attributed: NOBODY,
  };
}

/**
 * What the rules say about one dataset: publisher and partner link. A dataset has one publisher, and other partners' accounts are
 * not visible, so there is no several-partners check; a workspace has no environment type or solution.
 */
export function datasetOutcome(dataset: DatasetFact, memo: TenantMemo): Outcome {
  const entry = roleEntry(memo.datasetRoles, dataset.configuredBy, publisherRole, dataset, memo, null);
  return (entry.outcomes[0] ??= outcomeOf(entry.role.attributed, [entry.role.check, memoPalCheck(memo, entry.role.attributed)]));
}

/** A dataset's row in the checklist, from its facts and what the rules say. */
export const datasetRow = (dataset: DatasetFact, o: Outcome): ResourceChecklist => ({
  product: 'power-bi',
  tenantId: dataset.tenantId,
  environmentId: null,
  workspaceId: dataset.workspaceId,
  resourceId: dataset.datasetId,
  name: dataset.name,
  seenAt: dataset.seenAt,
  ...o,
});

/** The checklist of one dataset. `memo`: the tenant's, when building many. */
export const datasetChecklist = (dataset: DatasetFact, context: TenantContext, memo: TenantMemo = tenantMemo(context)): ResourceChecklist =>
  datasetRow(dataset, datasetOutcome(dataset, memo));
