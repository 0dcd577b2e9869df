/** Turns a Power Platform collector's scoped read into its part of the snapshot: the tenant's facts replaced and the product's scope recorded, or nothing touched when every account needs the person. */
import type { InventoryScope } from '../../../shared/power-platform-types';
import type { Inventory } from '../../inventory/inventory';
import type { ScopedRead } from '../../powerplatform/scoped-read';
import type { Collected, CollectContext } from '../collector';

export function scopedFacts<T>(
  inventory: Inventory,
  ctx: CollectContext,
  product: InventoryScope['product'],
  read: ScopedRead<T>,
  seenAt: string,
  replace: (tenantId: string, items: T[]) => void,
): Collected {
  if ('needsPerson' in read) return { save: () => undefined, needsPerson: read.needsPerson.message };
  return {
    save: () => {
      replace(ctx.tenantId, read.items);
      inventory.powerPlatform.setScope({ tenantId: ctx.tenantId, product, ...read.scope, seenAt });
    },
  };
}
