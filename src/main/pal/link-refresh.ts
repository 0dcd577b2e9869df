/** Reads one account's partner link right after it signs in, so its card shows what Azure says; a failed read is kept with its reason. */
import { AppFailure } from '../../shared/result';
import type { TenantIdentity } from '../domain/identity';
import type { Inventory } from '../inventory/inventory';
import { inTransaction } from '../inventory/transaction';
import type { Collector } from '../sync/collector';

/** Longest the read after a sign-in may take, retries included. */
const READ_AFTER_SIGN_IN_MS = 20_000;

export interface LinkRefreshDeps {
  inventory: Inventory;
  /** The sync's partner-links collector: the same read, checks and reconciliation as a sync. */
  collector: Collector;
  label(tenantId: string): string;
  timeoutMs?: number;
}

/** Reads the account's link with the partner-links collector and saves it; on failure marks partner links stale with the reason (never throws an AppFailure). */
export type RefreshLink = (tenantId: string, account: TenantIdentity) => Promise<void>;

export function linkRefresher(deps: LinkRefreshDeps): RefreshLink {
  return async (tenantId, account) => {
    const label = deps.label(tenantId);
    const signal = AbortSignal.timeout(deps.timeoutMs ?? READ_AFTER_SIGN_IN_MS);
    try {
      const collected = await deps.collector.collect({ tenantId, label, accounts: [account], signal, attempt: 1, step: () => undefined });
      inTransaction(deps.inventory.db, () => collected.save());
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      const failure = signal.aborted
        ? new AppFailure('timeout', `Azure did not answer in time when PAL Desk read the partner link in ${label}. Sync later to read it.`)
        : error;
      deps.inventory.runs.failed(tenantId, deps.collector.name, failure.code, failure.message);
    }
  };
}
