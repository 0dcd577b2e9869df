/** Starts bulk work (sync, link all) from a button and shows it in the bulk-work panel, its tenants queued until their turn. */
import type { JobKind } from '../../shared/job-types';
import type { Result } from '../../shared/result';
import { api } from '../api';
import { useAppStore } from '../store';
import { useJobPanel } from './job-store';

/** Shows a job that was just started in the panel: `tenantIds` are its tenants (every tracked, not archived one when absent). */
export function showStartedJob(jobId: string, kind: JobKind, tenantIds?: readonly string[]): void {
  const tenants = useAppStore.getState().tenants.filter((t) => (tenantIds ? tenantIds.includes(t.tenantId) : !t.archived));
  useJobPanel.getState().begin(jobId, kind, tenants.map((t) => ({ tenantId: t.tenantId, name: t.label ?? t.displayName })));
}

/** Runs a bridge call that starts a job, then shows it; resolves to the call's result (its error for the caller to show). */
export async function startJob(kind: JobKind, start: () => Promise<Result<{ jobId: string }>>, tenantIds?: readonly string[]): Promise<Result<{ jobId: string }>> {
  const result = await useAppStore.getState().run(start);
  if (result.ok) showStartedJob(result.value.jobId, kind, tenantIds);
  return result;
}

/** Syncs the tenants (every tracked one when absent). */
export function syncTenants(tenantIds?: string[]) {
  const bridge = api;
  return bridge ? startJob('sync', () => bridge.jobs.sync(tenantIds ? { tenantIds } : {}), tenantIds) : null;
}

/** Links the partner ID in every tracked tenant. */
export function linkAllTenants() {
  const bridge = api;
  return bridge ? startJob('link-all', () => bridge.pal.linkAll()) : null;
}

/** Links the partner ID in the chosen tenants only ("Link selected"). */
export function linkTenants(tenantIds: string[]) {
  const bridge = api;
  return bridge ? startJob('link-all', () => bridge.pal.linkTenants({ tenantIds }), tenantIds) : null;
}
