/** The grid with its search, quick filters and chips: the only part of the tenants page that renders again on a keystroke. */
import { useMemo } from 'react';
import type { TenantSummary } from '../../shared/checklist-types';
import { buildRows, filterRows, hidingFilter, sortRows } from '../state/grid-rows';
import { useGridStore } from '../state/grid-store';
import { useNow } from '../state/use-now';
import { useAppStore } from '../store';
import { ActiveFilters, GridFilters, NothingShown } from './grid-filters';
import { TenantGrid } from './tenant-grid';

const NO_SUMMARIES: TenantSummary[] = [];

export function TenantGridSection() {
  const tenants = useAppStore((s) => s.tenants);
  const summaries = useAppStore((s) => s.checklistSummary?.tenants ?? NO_SUMMARIES);
  const openId = useAppStore((s) => s.selectedTenantId);
  const selectTenant = useAppStore((s) => s.selectTenant);
  const search = useGridStore((s) => s.search);
  const quick = useGridStore((s) => s.quick);
  const attribution = useGridStore((s) => s.attribution);
  const sort = useGridStore((s) => s.sort);
  const firstReadAt = useAppStore((s) => s.firstReadAt);
  const now = useNow(30_000, firstReadAt);
  const rows = useMemo(() => buildRows(tenants, summaries), [tenants, summaries]);
  const sorted = useMemo(() => sortRows(rows.slice(), sort), [rows, sort]);
  const shown = useMemo(() => filterRows(sorted, { search, quick, attribution }, now), [sorted, search, quick, attribution, now]);
  const hiddenBy = shown.length === 0 ? hidingFilter(sorted, { search, quick, attribution }, now) : null;
  return (
    <>
      <GridFilters />
      <ActiveFilters shown={shown.length} total={tenants.length} />
      {hiddenBy ? <NothingShown hiddenBy={hiddenBy} /> : <TenantGrid rows={shown} now={now} openTenantId={openId} onOpen={selectTenant} />}
    </>
  );
}
