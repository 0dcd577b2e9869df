/**
 * Power BI workspaces and datasets with `configuredBy`. Maker scope: the workspace APIs (groups, then each group's datasets).
 * Admin scope: admin groups for the names, then admin datasets once, inside PAL Desk's hourly budget per tenant (the API allows
 * about 50 calls an hour); a 429 holds the tenant's admin datasets calls until its Retry-After.
 */
import type { DatasetFact } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { skipTopPager } from '../http/paging';
import type { ListOptions } from './bap-api';
import type { HourlyBudget } from './hourly-budget';

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
  const workspaces = await o.rest.all<Workspace>(`${o.base}/v1.0/myorg/groups`, skipTopPager(PAGE), { signal: o.signal });
  const out: DatasetFact[] = [];
  for (const w of workspaces) {
    const datasets = await o.rest.all<Dataset>(`${o.base}/v1.0/myorg/groups/${encodeURIComponent(w.id)}/datasets`, undefined, { signal: o.signal });
    out.push(...datasets.map((d) => fact(o, w, w.id, d)));
  }
  return out;
}

export async function listAdminDatasets(o: ListOptions & { budget: HourlyBudget; label: string }): Promise<DatasetFact[]> {
  const workspaces = await o.rest.all<Workspace>(`${o.base}/v1.0/myorg/admin/groups`, skipTopPager(PAGE), { signal: o.signal });
  const held = o.budget.take(o.tenantId);
  if (held) throw limitReached(o.label, held);
  let datasets: Dataset[];
  try {
    datasets = await o.rest.all<Dataset>(`${o.base}/v1.0/myorg/admin/datasets`, skipTopPager(PAGE), { signal: o.signal });
  } catch (error) {
    const retryAt = error instanceof AppFailure && error.code === 'throttled' ? error.detail?.retryAt : undefined;
    if (typeof retryAt !== 'string') throw error;
    o.budget.holdUntil(o.tenantId, new Date(retryAt));
    throw limitReached(o.label, new Date(retryAt));
  }
  const byId = new Map(workspaces.map((w) => [w.id, w]));
  return datasets.map((d) => fact(o, byId.get(d.workspaceId ?? ''), d.workspaceId ?? '', d));
}

function limitReached(label: string, retryAt: Date): AppFailure {
  return new AppFailure(
    'throttled',
    `Power BI allows about 50 admin dataset reads an hour for ${label}; PAL Desk reads them again after ${retryAt.toLocaleTimeString()}. Until then the datasets shown are from the last sync.`,
    { retryAt: retryAt.toISOString() },
  );
}
