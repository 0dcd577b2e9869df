/** The PAL service's view of the inventory: observations, the queue, write-ahead intents, and audit entries written with the queue in one transaction. */
import type { Inventory } from '../inventory/inventory';
import { inTransaction } from '../inventory/transaction';
import type { PalStore } from './pal-service';

export function inventoryPalStore(inventory: Inventory): PalStore {
  const named = <T extends { tenantId: string }>(record: T) => ({ ...record, tenantName: inventory.tenants.label(record.tenantId) });
  return {
    recordObservation: (observation) => inventory.links.record(observation),
    enqueue: (action, notBefore) => inventory.queue.enqueue(action, notBefore ?? null),
    audit: (record, completeActionId) =>
      inTransaction(inventory.db, () => {
        inventory.audit.append(named(record));
        if (completeActionId) inventory.queue.complete(completeActionId);
      }),
    markNeedsConfirmation: (actionId, message) => inventory.queue.markNeedsConfirmation(actionId, message),
    beginWrite: (intent) => inventory.intents.begin(intent, inventory.tenants.label(intent.tenantId)),
    settleWrite: (intentId, audit, completeActionId) => inventory.intents.settle(intentId, audit ? named(audit) : null, completeActionId),
    pendingWrites: (tenantId, identityId) => inventory.intents.pending(tenantId, identityId),
    attachPendingWrites: (tenantId, identityId, actionId) => {
      for (const intent of inventory.intents.pending(tenantId, identityId)) if (!intent.actionId) inventory.intents.attachAction(intent.intentId, actionId);
    },
  };
}
