/** The durable offline queue: idempotent enqueue, atomic claim, and recovery of actions a crash left running. */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { PendingActionView } from '../../shared/view-types';
import type { QueuedAction } from '../domain/pending-action';
import { inTransaction } from './transaction';

interface Row {
  action_id: string;
  tenant_id: string;
  identity_id: string | null;
  kind: 'link' | 'unlink';
  partner_id: string;
  confirm_replace_of: string | null;
  status: PendingActionView['status'];
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

const toAction = (r: Row): QueuedAction => ({
  id: r.action_id,
  tenantId: r.tenant_id,
  identityId: r.identity_id,
  kind: r.kind,
  partnerId: r.partner_id,
  confirmReplaceOf: r.confirm_replace_of,
});

export class QueueRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  #tick = 0;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
    const max = db.prepare('SELECT MAX(touched) AS m FROM pending_actions').get() as { m: number | null };
    this.#tick = max.m ?? 0;
  }

  /** Queues an action; the same open action (tenant, account, kind, partner ID) is queued once, whatever the number of clicks. */
  enqueue(action: Omit<QueuedAction, 'id'>): string {
    return inTransaction(this.#db, () => {
      const key = `${action.tenantId}:${action.identityId ?? ''}:${action.kind}:${action.partnerId}:${action.confirmReplaceOf ?? ''}`;
      const open = this.#db
        .prepare("SELECT action_id FROM pending_actions WHERE idempotency_key = ? AND status IN ('queued', 'running', 'needs-confirmation')")
        .get(key) as { action_id: string } | undefined;
      if (open) return open.action_id;
      this.#db.prepare("DELETE FROM pending_actions WHERE idempotency_key = ? AND status IN ('done', 'failed')").run(key);
      const id = randomUUID();
      const now = this.#now().toISOString();
      this.#db
        .prepare(
          `INSERT INTO pending_actions (action_id, idempotency_key, tenant_id, identity_id, kind, partner_id, confirm_replace_of, status, created_at, updated_at, touched)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
        )
        .run(id, key, action.tenantId, action.identityId, action.kind, action.partnerId, action.confirmReplaceOf, now, now, ++this.#tick);
      return id;
    });
  }

  claimNext(): QueuedAction | null {
    return inTransaction(this.#db, () => {
      const row = this.#db.prepare("SELECT * FROM pending_actions WHERE status = 'queued' ORDER BY touched LIMIT 1").get() as Row | undefined;
      if (!row) return null;
      this.#db
        .prepare("UPDATE pending_actions SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE action_id = ?")
        .run(this.#now().toISOString(), row.action_id);
      return toAction(row);
    });
  }

  requeue(actionId: string, message: string): void {
    this.#setStatus(actionId, 'queued', message, true);
  }

  fail(actionId: string, message: string): void {
    this.#setStatus(actionId, 'failed', message, false);
  }

  markNeedsConfirmation(actionId: string, message: string): void {
    this.#setStatus(actionId, 'needs-confirmation', message, false);
  }

  /** Marks an action done (call inside the transaction that writes its audit entry). */
  complete(actionId: string): void {
    this.#setStatus(actionId, 'done', null, false);
  }

  /** At start-up: actions a crash left running go back to the queue (their replay re-reads before writing). */
  recoverRunning(): number {
    const result = this.#db.prepare("UPDATE pending_actions SET status = 'queued' WHERE status = 'running'").run();
    return Number(result.changes);
  }

  list(): PendingActionView[] {
    const rows = this.#db.prepare("SELECT * FROM pending_actions WHERE status <> 'done' ORDER BY created_at").all() as unknown as Row[];
    return rows.map((r) => ({
      id: r.action_id,
      tenantId: r.tenant_id,
      identityId: r.identity_id,
      kind: r.kind,
      partnerId: r.partner_id,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  #setStatus(actionId: string, status: Row['status'], message: string | null, toBack: boolean): void {
    this.#db
      .prepare(`UPDATE pending_actions SET status = ?, last_error = ?, updated_at = ?${toBack ? ', touched = ?' : ''} WHERE action_id = ?`)
      .run(...([status, message, this.#now().toISOString(), ...(toBack ? [++this.#tick] : []), actionId] as (string | number | null)[]));
  }
}
