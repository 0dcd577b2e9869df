/** When each collector last succeeded or failed per tenant, so a failed one marks only its own facts stale, with the reason, and a throttled one waits until its service allows it. */
import type { DatabaseSync } from 'node:sqlite';
import type { StaleFact } from '../../shared/view-types';

interface Row {
  tenant_id: string;
  collector: string;
  succeeded_at: string | null;
  failed_at: string;
  error_code: string;
  error_message: string;
  not_before: string | null;
}

/** A collector its service asked to wait: not called before `until`; `message` says so in words. */
export interface HeldCollector {
  until: string;
  message: string;
}

export class CollectorRunsRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  succeeded(tenantId: string, collector: string): void {
    this.#db
      .prepare(
        `INSERT INTO collector_runs (tenant_id, collector, succeeded_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id, collector) DO UPDATE SET succeeded_at = excluded.succeeded_at, failed_at = NULL, error_code = NULL, error_message = NULL, not_before = NULL`,
      )
      .run(tenantId, collector, this.#now().toISOString());
  }

  /** Marks the collector's facts stale with the reason; the last known facts stay as they were. `notBefore`: the service asked not to be called before then. */
  failed(tenantId: string, collector: string, code: string, message: string, notBefore: string | null = null): void {
    this.#db
      .prepare(
        `INSERT INTO collector_runs (tenant_id, collector, failed_at, error_code, error_message, not_before) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, collector) DO UPDATE SET failed_at = excluded.failed_at, error_code = excluded.error_code, error_message = excluded.error_message, not_before = excluded.not_before`,
      )
      .run(tenantId, collector, this.#now().toISOString(), code, message, notBefore);
  }

  /** The tenant's collectors whose service asked to wait beyond now, by collector name. */
  held(tenantId: string): Map<string, HeldCollector> {
    const rows = this.#db
      .prepare(`SELECT collector, not_before, error_message FROM collector_runs WHERE tenant_id = ? AND not_before > ?`)
      .all(tenantId, this.#now().toISOString()) as unknown as Pick<Row, 'collector' | 'not_before' | 'error_message'>[];
    return new Map(rows.map((r) => [r.collector, { until: r.not_before ?? '', message: r.error_message }]));
  }

  /** Stale facts by tenant (tenants without any are absent). */
  staleByTenant(tenantId?: string): Map<string, StaleFact[]> {
    const rows = this.#db
      .prepare(`SELECT * FROM collector_runs WHERE failed_at IS NOT NULL${tenantId ? ' AND tenant_id = ?' : ''} ORDER BY collector`)
      .all(...(tenantId ? [tenantId] : [])) as unknown as Row[];
    const out = new Map<string, StaleFact[]>();
    for (const r of rows) {
      const list = out.get(r.tenant_id) ?? [];
      list.push({ collector: r.collector, code: r.error_code, message: r.error_message, failedAt: r.failed_at, succeededAt: r.succeeded_at, readAgainAt: r.not_before });
      out.set(r.tenant_id, list);
    }
    return out;
  }
}
