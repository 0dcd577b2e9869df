import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => Object.assign(globalThis, { window: {} }));

const { showTenantsWith } = await import('../../../src/renderer/overview/show-tenants');
const { useGridStore } = await import('../../../src/renderer/state/grid-store');
const { useAppStore } = await import('../../../src/renderer/store');

describe('a bar, slice or number of the overview', () => {
  it('opens the Tenants page filtered to its product and verdict, replacing the filters set before', () => {
    useAppStore.getState().setPage('overview');
    useGridStore.getState().setSearch('contoso');
    useGridStore.getState().toggleQuick('stale');
    showTenantsWith('power-apps', 'not-attributed');
    expect(useAppStore.getState().page).toBe('tenants');
    expect(useGridStore.getState()).toMatchObject({ search: '', quick: [], attribution: { product: 'power-apps', verdict: 'not-attributed' } });
  });

  it('filters on the verdict across every product for a slice of the donut', () => {
    showTenantsWith(null, 'at-risk');
    expect(useGridStore.getState().attribution).toEqual({ product: null, verdict: 'at-risk' });
  });
});
