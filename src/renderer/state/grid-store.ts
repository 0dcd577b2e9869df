/** The tenant grid's view state (search, quick filters, attribution filter, sort, selection), shared by the grid and the pages that filter it. */
import { create } from 'zustand';
import type { Verdict } from '../../shared/checklist-types';
import type { PowerPlatformProduct } from '../../shared/power-platform-types';

/** The grid's quick filters: a tenant shows when it matches every one that is on. */
export type QuickFilter = 'unlinked' | 'other-partner' | 'needs-sign-in' | 'stale' | 'not-attributed';

/** Tenants with at least one resource of this product (any product when null) with this verdict: set by the overview's bars. */
export interface AttributionFilter {
  product: PowerPlatformProduct | null;
  verdict: Verdict;
}

export type SortColumn = 'customer' | 'accounts' | 'pal' | 'attributed' | 'needs-sign-in' | 'pending' | 'last-synced';

export interface GridState {
  search: string;
  quick: QuickFilter[];
  attribution: AttributionFilter | null;
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
  /** Tenant ids ticked for "Link selected" / "Sync selected". */
  selected: string[];
  setSearch(search: string): void;
  toggleQuick(filter: QuickFilter): void;
  setAttribution(filter: AttributionFilter | null): void;
  setSort(column: SortColumn): void;
  setSelected(tenantIds: string[]): void;
  clearFilters(): void;
}

export const useGridStore = create<GridState>((set, get) => ({
  search: '',
  quick: [],
  attribution: null,
  sort: { column: 'customer', direction: 'asc' },
  selected: [],
  setSearch: (search) => set({ search }),
  toggleQuick: (filter) => {
    const quick = get().quick;
    set({ quick: quick.includes(filter) ? quick.filter((f) => f !== filter) : [...quick, filter] });
  },
  setAttribution: (attribution) => set({ attribution }),
  setSort: (column) => {
    const { sort } = get();
    set({ sort: { column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' } });
  },
  setSelected: (selected) => set({ selected }),
  clearFilters: () => set({ search: '', quick: [], attribution: null }),
}));
