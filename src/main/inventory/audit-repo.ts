/** The append-only audit log of every change PAL Desk made (the database refuses updates and deletes). */
import type { DatabaseSync } from 'node:sqlite';
import type { AuditEntryView } from '../../shared/view-types';
import type { AuditRecord } from '../domain/audit';

export class AuditRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  append(record: AuditRecord & { tenantName: string | null }): void {
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

  /** Newest first; `beforeId` pages back. */
  list(limit: number, beforeId?: number): AuditEntryView[] {
    const rows = this.#db
      .prepare(
        `SELECT id, at, tenant_id AS tenantId, tenant_name AS tenantName, identity, action, before, after, outcome, request_id AS requestId, message
         FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as unknown as AuditEntryView[];
    return rows.map((r) => ({ ...r }));
  }
}
