/** The durable offline queue: idempotent enqueue, atomic claim with a lease, retry times, and recovery of actions a gone process left running. */
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
  lease_owner: string | null;
  not_before: string | null;
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
  enqueue(action: Omit<QueuedAction, 'id'>, notBefore: string | null = null): string {
    return inTransaction(this.#db, () => {
      const key = `${action.tenantId}:${action.identityId ?? ''}:${action.kind}:${action.partnerId}:${action.confirmReplaceOf ?? ''}`;
      const open = this.#db
        .prepare("SELECT action_id FROM pending_actions WHERE idempotency_key = ? AND status IN ('queued', 'running', 'needs-confirmation')")
        .get(key) as { action_id: string } | undefined;
      if (open) {
        if (notBefore) this.#db.prepare('UPDATE pending_actions SET not_before = ? WHERE action_id = ?').run(notBefore, open.action_id);
        return open.action_id;
      }
      this.#db.prepare("DELETE FROM pending_actions WHERE idempotency_key = ? AND status IN ('done', 'failed')").run(key);
      const id = randomUUID();
      const now = this.#now().toISOString();
      this.#db
        .prepare(
          `INSERT INTO pending_actions (action_id, idempotency_key, tenant_id, identity_id, kind, partner_id, confirm_replace_of, status, created_at, updated_at, touched, not_before)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
        )
        .run(id, key, action.tenantId, action.identityId, action.kind, action.partnerId, action.confirmReplaceOf, now, now, ++this.#tick, notBefore);
      return id;
    });
  }

  /** Atomically takes the queued action least recently touched that may be sent now, leased to `owner` until `leaseMs` from now. */
  claimNext(owner: string, leaseMs: number): QueuedAction | null {
    return inTransaction(this.#db, () => {
      const now = this.#now();
      const row = this.#db
        .prepare("SELECT * FROM pending_actions WHERE status = 'queued' AND (not_before IS NULL OR not_before <= ?) ORDER BY touched LIMIT 1")
        .get(now.toISOString()) as Row | undefined;
      if (!row) return null;
      this.#db
        .prepare("UPDATE pending_actions SET status = 'running', attempts = attempts + 1, updated_at = ?, lease_owner = ?, lease_expires_at = ? WHERE action_id = ?")
        .run(now.toISOString(), owner, new Date(now.getTime() + leaseMs).toISOString(), row.action_id);
      return toAction(row);
    });
  }

  /** Extends the lease of an action this owner is still working on. */
  renewLease(actionId: string, owner: string, leaseMs: number): void {
    this.#db
      .prepare("UPDATE pending_actions SET lease_expires_at = ? WHERE action_id = ? AND lease_owner = ? AND status = 'running'")
      .run(new Date(this.#now().getTime() + leaseMs).toISOString(), actionId, owner);
  }

  /** Puts a running action back at the end of the queue with the reason; `notBefore` holds it until Azure said it may be retried. */
  requeue(actionId: string, message: string, notBefore: string | null = null): void {
    this.#setStatus(actionId, 'queued', message, true);
    this.#db.prepare('UPDATE pending_actions SET not_before = ? WHERE action_id = ?').run(notBefore, actionId);
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

  /** Actions left running by a process that is gone (crashed, killed) or whose lease ran out go back to the queue; their replay re-reads before writing. */
  recoverAbandoned(isGone: (owner: string | null) => boolean): number {
    return inTransaction(this.#db, () => {
      const now = this.#now().toISOString();
      const running = this.#db.prepare("SELECT action_id, lease_owner, lease_expires_at FROM pending_actions WHERE status = 'running'").all() as {
        action_id: string;
        lease_owner: string | null;
        lease_expires_at: string | null;
      }[];
      let recovered = 0;
      for (const r of running) {
        if (!isGone(r.lease_owner) && r.lease_expires_at !== null && r.lease_expires_at > now) continue;
        this.#db.prepare("UPDATE pending_actions SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL WHERE action_id = ?").run(r.action_id);
        recovered += 1;
      }
      return recovered;
    });
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
      notBefore: r.not_before,
    }));
  }

  #setStatus(actionId: string, status: Row['status'], message: string | null, toBack: boolean): void {
    this.#db
      .prepare(`UPDATE pending_actions SET status = ?, last_error = ?, updated_at = ?, lease_owner = NULL, lease_expires_at = NULL${toBack ? ', touched = ?' : ''} WHERE action_id = ?`)
      .run(...([status, message, this.#now().toISOString(), ...(toBack ? [++this.#tick] : []), actionId] as (string | number | null)[]));
  }
}
