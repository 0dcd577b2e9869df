/** Opens the Tenants page filtered to the tenants with resources of one product (or any) and one verdict: what clicking a chart or a number does. */
import type { Verdict } from '../../shared/checklist-types';
import type { PowerPlatformProduct } from '../../shared/power-platform-types';
import { useGridStore } from '../state/grid-store';
import { useAppStore } from '../store';

export function showTenantsWith(product: PowerPlatformProduct | null, verdict: Verdict): void {
  const grid = useGridStore.getState();
  grid.clearFilters();
  grid.setAttribution({ product, verdict });
  useAppStore.getState().setPage('tenants');
}
