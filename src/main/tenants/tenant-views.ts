/** Tenant views as the UI and the CLI show them, with "linked" decided against the partner ID in settings. */
import { AppFailure } from '../../shared/result';
import type { TenantView } from '../../shared/view-types';
import type { Inventory } from '../inventory/inventory';

export class TenantViews {
  readonly #inventory: Inventory;
  readonly #partnerId: () => string | null;

  constructor(inventory: Inventory, partnerId: () => string | null) {
    this.#inventory = inventory;
    this.#partnerId = partnerId;
  }

  list(): TenantView[] {
    return this.#inventory.tenants.list(this.#partnerId());
  }

  view(tenantId: string): TenantView {
    const view = this.#inventory.tenants.get(tenantId, this.#partnerId());
    if (!view) throw new AppFailure('not-found', 'This tenant is not in PAL Desk any more. Add it again.');
    return view;
  }

  label(tenantId: string): string {
    return this.#inventory.tenants.label(tenantId);
  }
}
