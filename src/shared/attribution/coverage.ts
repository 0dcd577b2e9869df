/** What the inventory covers for a product in a tenant: the widest scope any of our accounts got (admin, maker, denied). */
import type { Coverage } from '../checklist-types';
import type { InventoryScope } from '../power-platform-types';

const RANK: Record<Coverage, number> = { unknown: 0, denied: 1, maker: 2, admin: 3 };

/** The wider of two coverages. */
export function wider(a: Coverage, b: Coverage): Coverage {
  return RANK[b] > RANK[a] ? b : a;
}

/** The scope fact with the widest coverage for `product` among `scopes` (any tenant's: pass one tenant's), or null. */
export function widestScope(scopes: readonly InventoryScope[], product: InventoryScope['product']): InventoryScope | null {
  let best: InventoryScope | null = null;
  for (const s of scopes) {
    if (s.product === product && (best === null || RANK[s.scope] > RANK[best.scope])) best = s;
  }
  return best;
}
