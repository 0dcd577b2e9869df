/**
 * Write-ahead intents: a write is recorded before it reaches Azure and settled after, with its audit entry in the same transaction;
 * each checks in that transaction that its writer still holds the lock (a refused intent means the write is never sent).
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { AuditRecord } from '../domain/audit';
import type { WriteIntent } from '../domain/write-intent';
import type { AuditRepo } from './audit-repo';
import type { QueueRepo } from './queue-repo';
import { inTransaction } from './transaction';
import type { Fence, WriterLockRepo } from './writer-lock-repo';

interface Row {
  intent_id: string;
  tenant_id: string;
  identity_id: string;
  identity: string | null;
  action: AuditRecord['action'];
  before: string | null;
  requested: string | null;
  action_id: string | null;
}

const toIntent = (r: Row): WriteIntent => ({
  intentId: r.intent_id,
  tenantId: r.tenant_id,
  identityId: r.identity_id,
  identity: r.identity,
  action: r.action,
  before: r.before,
  requested: r.requested,
  actionId: r.action_id,
});

export class IntentRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  readonly #audit: AuditRepo;
  readonly #queue: QueueRepo;
  readonly #lock: WriterLockRepo;

  constructor(db: DatabaseSync, now: () => Date, audit: AuditRepo, queue: QueueRepo, lock: WriterLockRepo) {
    this.#db = db;
    this.#now = now;
    this.#audit = audit;
    this.#queue = queue;
    this.#lock = lock;
  }

  /** Records the intent durably (its own committed transaction) before the write is sent; marks its queued action as being written. */
  begin(fence: Fence, intent: Omit<WriteIntent, 'intentId'>, tenantName: string | null): string {
    const intentId = randomUUID();
    inTransaction(this.#db, () => {
      this.#lock.assertCurrent(fence);
      this.#db
        .prepare(
          `INSERT INTO write_intents (intent_id, tenant_id, tenant_name, identity_id, identity, action, before, requested, action_id, state, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
        )
        .run(intentId, intent.tenantId, tenantName, intent.identityId, intent.identity, intent.action, intent.before, intent.requested, intent.actionId, this.#now().toISOString());
    });
    return intentId;
  }

  /** Ends an intent: with the audit entry of the write the tenant received, or none when it surely did not; completes its queued action. */
  settle(fence: Fence, intentId: string, audit: (AuditRecord & { tenantName: string | null }) | null, completeActionId?: string | null): void {
    inTransaction(this.#db, () => {
      this.#lock.assertCurrent(fence);
      const row = this.#db.prepare("SELECT action_id FROM write_intents WHERE intent_id = ? AND state = 'pending'").get(intentId) as { action_id: string | null } | undefined;
      if (!row) return;
      if (audit) this.#audit.append(fence, audit);
      this.#db.prepare("UPDATE write_intents SET state = 'settled', settled_at = ? WHERE intent_id = ?").run(this.#now().toISOString(), intentId);
      const actionId = completeActionId ?? row.action_id;
      if (actionId && audit) this.#queue.complete(actionId);
    });
  }

  /** Ties an intent whose outcome is unknown to the queued action that will settle it. */
  attachAction(fence: Fence, intentId: string, actionId: string): void {
    inTransaction(this.#db, () => {
      this.#lock.assertCurrent(fence);
      this.#db.prepare("UPDATE write_intents SET action_id = ? WHERE intent_id = ? AND state = 'pending'").run(actionId, intentId);
    });
  }

  /** Intents of one account in one tenant whose outcome is not known yet (a lost answer, a crash). */
  pending(tenantId: string, identityId: string): WriteIntent[] {
    return (
      this.#db
        .prepare("SELECT * FROM write_intents WHERE state = 'pending' AND tenant_id = ? AND identity_id = ? ORDER BY created_at")
        .all(tenantId, identityId) as unknown as Row[]
    ).map(toIntent);
  }
}
