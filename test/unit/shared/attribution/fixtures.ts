/** Shared fixtures for the attribution rule tests: our accounts in Contoso and Fabrikam, environments, and fact builders. */
import type { Check, CheckId, OurAccount, ResourceChecklist, TenantContext } from '../../../../src/shared/checklist-types';
import type { AppFact, DatasetFact, DataverseUserFact, EnvironmentFact, FlowFact } from '../../../../src/shared/power-platform-types';

export const OURS = '1234567';
export const THEIRS = '7654321';
export const SEEN = '2026-11-24T10:00:00.000Z';

const account = (identityId: string, over: Partial<OurAccount>): OurAccount => ({
  identityId,
  kind: 'user',
  label: `${identityId}@northwindpartners.com`,
  objectId: `${identityId}-oid`,
  upn: `${identityId}@northwindpartners.com`,
  link: { status: 'linked', partnerId: OURS },
  ...over,
});

/** Ana: a guest linked to us. Bob: a guest not linked. Sam: our service principal, linked. Olga: a guest linked to another partner. */
export const ana = account('ana', {});
export const bob = account('bob', { link: { status: 'not-linked', partnerId: null } });
export const sam = account('sam', { kind: 'service-principal', label: 'PAL Desk automation (service principal)', upn: null });
export const olga = account('olga', { link: { status: 'other-partner', partnerId: THEIRS } });
export const unread = account('una', { link: { status: 'unknown', partnerId: null } });
export const noObjectId = account('nils', { objectId: null });

export const contoso = (accounts: OurAccount[] = [ana, bob, sam], over: Partial<TenantContext> = {}): TenantContext => ({
  tenantId: 'contoso',
  domains: ['contoso.com', 'contoso.onmicrosoft.com'],
  partnerId: OURS,
  accounts,
  ...over,
});

export const env = (sku: EnvironmentFact['sku'] = 'Production', over: Partial<EnvironmentFact> = {}): EnvironmentFact => ({
  tenantId: 'contoso',
  environmentId: 'env-prod',
  displayName: 'Contoso Production',
  sku,
  region: 'europe',
  dataverseUrl: 'https://contoso.crm4.dynamics.com',
  customerInsights: false,
  customerInsightsReason: null,
  seenAt: SEEN,
  ...over,
});

export const app = (over: Partial<AppFact> = {}): AppFact => ({
  tenantId: 'contoso',
  environmentId: 'env-prod',
  appId: 'app-1',
  displayName: 'Field inspections',
  appType: 'canvas',
  ownerObjectId: ana.objectId,
  coOwnerObjectIds: [],
  editorEmails: [],
  solutionAware: true,
  seenAt: SEEN,
  ...over,
});

export const flow = (over: Partial<FlowFact> = {}): FlowFact => ({
  tenantId: 'contoso',
  environmentId: 'env-prod',
  flowId: 'flow-1',
  displayName: 'Approve orders',
  creatorObjectId: ana.objectId,
  state: 'Started',
  solutionAware: true,
  seenAt: SEEN,
  ...over,
});

export const dataset = (over: Partial<DatasetFact> = {}): DatasetFact => ({
  tenantId: 'contoso',
  workspaceId: 'ws-1',
  workspaceName: 'Sales',
  datasetId: 'ds-1',
  name: 'Sales model',
  configuredBy: 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com',
  seenAt: SEEN,
  ...over,
});

export const dvUser = (azureObjectId: string, isDisabled = false, environmentId = 'env-ci', kind: DataverseUserFact['kind'] = isDisabled ? 'disabled' : 'interactive'): DataverseUserFact => ({
  tenantId: 'contoso',
  environmentId,
  azureObjectId,
  isDisabled,
  kind,
  seenAt: SEEN,
});

export function checkOf(list: ResourceChecklist, id: CheckId): Check {
  const found = list.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in ${list.checks.map((c) => c.id).join(', ')}`);
  return found;
}
