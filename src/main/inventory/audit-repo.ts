/** The append-only audit log of every change PAL Desk made (the database refuses updates and deletes). */
import type { DatabaseSync } from 'node:sqlite';
import type { AuditFilter } from '../../shared/audit-filter';
import type { AuditEntryView } from '../../shared/view-types';
import type { AuditRecord } from '../domain/audit';
import { inTransaction } from './transaction';
import type { Fence, WriterLockRepo } from './writer-lock-repo';

export class AuditRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  readonly #lock: WriterLockRepo;

  constructor(db: DatabaseSync, now: () => Date, lock: WriterLockRepo) {
    this.#db = db;
    this.#now = now;
    this.#lock = lock;
  }

  /** Appends an entry when `fence` still holds the writer lock, in the same transaction as that check (the caller's, or its own). */
  append(fence: Fence, record: AuditRecord & { tenantName: string | null }): void {
    if (!this.#db.isTransaction) return inTransaction(this.#db, () => this.append(fence, record));
    this.#lock.assertCurrent(fence);
    this.#db
      .prepare(
        `INSERT INTO audit_log (at, tenant_id, tenant_name, identity, action, before, after, outcome, request_id, message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.#now().toISOString(),
        record.tenantId,
        record.tenantName,
        record.identity,
        record.action,
        record.before,
        record.after,
        record.outcome,
        record.requestId,
        record.message,
      );
  }

  /** Newest first; `beforeId` pages back; `filter` keeps the entries matching every part of it (indexed by tenant, action, outcome and time). */
  list(limit: number, beforeId?: number, filter: AuditFilter = {}): AuditEntryView[] {
    const { where, params } = whereOf(filter);
    const rows = this.#db
      .prepare(
        `SELECT id, at, tenant_id AS tenantId, tenant_name AS tenantName, identity, action, before, after, outcome, request_id AS requestId, message
         FROM audit_log WHERE id < ?${where} ORDER BY id DESC LIMIT ?`,
      )
      .all(beforeId ?? Number.MAX_SAFE_INTEGER, ...params, limit) as unknown as AuditEntryView[];
    return rows.map((r) => ({ ...r }));
  }
}

/** The SQL conditions (each after an AND) and their parameters for a filter; values are always bound, never spliced. */
function whereOf(filter: AuditFilter): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const tenant = filter.tenant?.trim().toLowerCase();
  if (tenant) {
    parts.push(`(tenant_id = ? OR lower(tenant_name) LIKE ? ESCAPE '\\')`);
    params.push(tenant, `%${tenant.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  for (const [column, values] of [
    ['action', filter.actions],
    ['outcome', filter.outcomes],
  ] as const) {
    if (!values?.length) continue;
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  if (filter.from) {
    parts.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    parts.push('at < ?');
    params.push(filter.to);
  }
  return { where: parts.map((p) => ` AND ${p}`).join(''), params };
}
