/**
 * The PAL service's view of the inventory: observations, the queue, write-ahead intents, and audit entries written with the queue
 * in one transaction; intents and audit entries only while `fence` (this process's writer-lock generation) is the current one.
 */
import type { Inventory } from '../inventory/inventory';
import { inTransaction } from '../inventory/transaction';
import type { Fence } from '../inventory/writer-lock-repo';
import type { PalStore } from './pal-service';

export function inventoryPalStore(inventory: Inventory, fence: () => Fence): PalStore {
  const named = <T extends { tenantId: string }>(record: T) => ({ ...record, tenantName: inventory.tenants.label(record.tenantId) });
  return {
    recordObservation: (observation) => inventory.links.record(observation),
    enqueue: (action, notBefore) => inventory.queue.enqueue(action, notBefore ?? null),
    audit: (record, completeActionId) =>
      inTransaction(inventory.db, () => {
        inventory.audit.append(fence(), named(record));
        if (completeActionId) inventory.queue.complete(completeActionId);
      }),
    markNeedsConfirmation: (actionId, message) => inventory.queue.markNeedsConfirmation(actionId, message),
    beginWrite: (intent) => inventory.intents.begin(fence(), intent, inventory.tenants.label(intent.tenantId)),
    settleWrite: (intentId, audit, completeActionId) => inventory.intents.settle(fence(), intentId, audit ? named(audit) : null, completeActionId),
    pendingWrites: (tenantId, identityId) => inventory.intents.pending(tenantId, identityId),
    attachPendingWrites: (tenantId, identityId, actionId) => {
      for (const intent of inventory.intents.pending(tenantId, identityId)) if (!intent.actionId) inventory.intents.attachAction(fence(), intent.intentId, actionId);
    },
  };
}
