/** The PAL service's view of the inventory: observations, the queue, and audit entries written with the queue in one transaction. */
import type { Inventory } from '../inventory/inventory';
import { inTransaction } from '../inventory/transaction';
import type { PalStore } from './pal-service';

export function inventoryPalStore(inventory: Inventory): PalStore {
  return {
    recordObservation: (observation) => inventory.links.record(observation),
    enqueue: (action) => inventory.queue.enqueue(action),
    audit: (record, completeActionId) =>
      inTransaction(inventory.db, () => {
        inventory.audit.append({ ...record, tenantName: inventory.tenants.label(record.tenantId) });
        if (completeActionId) inventory.queue.complete(completeActionId);
      }),
    markNeedsConfirmation: (actionId, message) => inventory.queue.markNeedsConfirmation(actionId, message),
  };
}
