/**
 * Power BI workspaces and datasets with `configuredBy`. Maker scope: the workspace APIs (groups, then each group's datasets).
 * Admin scope: admin groups for the names, then admin datasets, every call inside the tenant's admin budget (shared by every
 * process on the data folder); a 429 holds the tenant's admin calls until its Retry-After. A 401 `PowerBINotAuthorizedException`
 * from an admin API means the account is not a Fabric admin (RuiRomano/pbimonitor#66, microsoft/powerbi-powershell#112, #291).
 */
import type { DatasetFact } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { skipTopPager } from '../http/paging';
import { withId } from '../http/rest-client';
import type { ListOptions } from './bap-api';
import type { PowerBiAdminApi, PowerBiAdminBudget } from './power-bi-budget';

interface Workspace {
  id: string;
  name?: string;
}

interface Dataset {
  id: string;
  name?: string;
  configuredBy?: string | null;
  workspaceId?: string;
}

/** Largest $top the admin APIs take; one page covers almost every tenant, so one call per sync. */
const PAGE = 5000;
/** A workspace or dataset without its id cannot be told apart from others: skipped (and logged) as not what Power BI lists. */
const isWorkspace = withId<Workspace>('id');
const isDataset = withId<Dataset>('id');

const fact = (o: ListOptions, workspace: Workspace | undefined, workspaceId: string, d: Dataset): DatasetFact => ({
  tenantId: o.tenantId,
  workspaceId,
  workspaceName: workspace?.name ?? workspaceId,
  datasetId: d.id,
  name: d.name ?? d.id,
  configuredBy: d.configuredBy ?? null,
  seenAt: o.seenAt,
});

export async function listWorkspaceDatasets(o: ListOptions): Promise<DatasetFact[]> {
  const workspaces = await o.rest.all(`${o.base}/v1.0/myorg/groups`, skipTopPager(PAGE), { signal: o.signal, isItem: isWorkspace });
  const out: DatasetFact[] = [];
  for (const w of workspaces) {
    const datasets = await o.rest.all(`${o.base}/v1.0/myorg/groups/${encodeURIComponent(w.id)}/datasets`, undefined, { signal: o.signal, isItem: isDataset });
    out.push(...datasets.map((d) => fact(o, w, w.id, d)));
  }
  return out;
}

type AdminOptions = ListOptions & { budget: PowerBiAdminBudget; label: string; account: string };

export async function listAdminDatasets(o: AdminOptions): Promise<DatasetFact[]> {
  const workspaces = await adminList(o, 'admin/groups', isWorkspace, ['admin/datasets']);
  const datasets = await adminList(o, 'admin/datasets', isDataset);
  const byId = new Map(workspaces.map((w) => [w.id, w]));
  return datasets.map((d) => fact(o, byId.get(d.workspaceId ?? ''), d.workspaceId ?? '', d));
}

/** Every page of an admin list, each page one call taken from the budget before it is sent (`then`: admin APIs this read calls next). */
async function adminList<T>(o: AdminOptions, api: PowerBiAdminApi, isItem: (item: unknown) => item is T, then: readonly PowerBiAdminApi[] = []): Promise<T[]> {
  try {
    return await o.rest.all(`${o.base}/v1.0/myorg/${api}`, skipTopPager(PAGE), { signal: o.signal, isItem, beforePage: () => o.budget.take(o.tenantId, o.label, api, then) });
  } catch (error) {
    throw adminFailure(o, api, error);
  }
}

/** A 429 holds the tenant's admin calls for everyone; Power BI's 401 for a caller who is not a Fabric admin is a refusal, not a lost sign-in. */
function adminFailure(o: AdminOptions, api: PowerBiAdminApi, error: unknown): unknown {
  // PAL Desk's own budget refused the call: nothing was asked of Power BI.
  if (!(error instanceof AppFailure) || error.detail?.budget === true) return error;
  const retryAt = error.code === 'throttled' ? error.detail?.retryAt : undefined;
  if (typeof retryAt === 'string') return o.budget.hold(o.tenantId, o.label, api, new Date(retryAt));
  if (error.code === 'session-expired' && error.detail?.serviceCode === 'PowerBINotAuthorizedException') {
    return new AppFailure(
      'access-denied',
      `${o.account} is not a Fabric (Power BI) admin in ${o.label}, or the tenant settings do not let it use the admin APIs: PAL Desk reads the workspaces it is a member of instead.`,
      error.detail,
    );
  }
  return error;
}
