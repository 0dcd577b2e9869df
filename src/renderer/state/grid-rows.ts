/** The tenant grid's rows as pure data: one row per tenant with what its columns show, and the search, quick filters, attribution filter and sort over them. */
import type { TenantSummary } from '../../shared/checklist-types';
import type { PalStatus, TenantView } from '../../shared/view-types';
import type { AttributionFilter, GridState, QuickFilter, SortColumn } from './grid-store';

/** A tenant whose last sync is older than this, or whose last sync left facts it could not refresh, is stale. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface GridRow {
  tenant: TenantView;
  tenantId: string;
  name: string;
  /** The default domain, or the tenant id when the domain is not known. */
  domain: string;
  /** The badge's status: pending when an action is queued, else the worst of the accounts. */
  pal: PalStatus;
  /** Our accounts in the tenant that are not signed in (a tenant with none counts as one to sign in). */
  needsSignIn: number;
  signedIn: number;
  summary: TenantSummary | null;
  /** Attributed / total resources, or null when no resource was read. */
  share: number | null;
  lastSyncedMs: number | null;
  /** Lower-case name, label, display name, domain and tenant id, for search. */
  haystack: string;
}

export type GridFilters = Pick<GridState, 'search' | 'quick' | 'attribution'>;

export function buildRows(tenants: readonly TenantView[], summaries: readonly TenantSummary[]): GridRow[] {
  const byTenant = new Map(summaries.map((s) => [s.tenantId, s]));
  return tenants.map((tenant) => {
    const summary = byTenant.get(tenant.tenantId) ?? null;
    const signedIn = tenant.accounts.filter((a) => a.signIn === 'signed-in').length;
    const name = tenant.label ?? tenant.displayName;
    const synced = tenant.lastSyncedAt ? Date.parse(tenant.lastSyncedAt) : NaN;
    return {
      tenant,
      tenantId: tenant.tenantId,
      name,
      domain: tenant.defaultDomain ?? tenant.tenantId,
      pal: tenant.pendingActions > 0 ? 'pending' : tenant.pal.status,
      needsSignIn: tenant.accounts.length === 0 ? 1 : tenant.accounts.length - signedIn,
      signedIn,
      summary,
      share: summary && summary.all.total > 0 ? summary.attributedShare : null,
      lastSyncedMs: Number.isNaN(synced) ? null : synced,
      haystack: [name, tenant.displayName, tenant.defaultDomain ?? '', tenant.tenantId].join('\n').toLowerCase(),
    };
  });
}

const QUICK: Record<QuickFilter, (row: GridRow, now: number) => boolean> = {
  unlinked: (row) => row.tenant.pal.status === 'not-linked' || row.tenant.pal.status === 'unknown',
  'other-partner': (row) => row.tenant.pal.status === 'other-partner',
  'needs-sign-in': (row) => row.needsSignIn > 0,
  stale: (row, now) => row.tenant.stale.length > 0 || row.lastSyncedMs === null || now - row.lastSyncedMs > STALE_AFTER_MS,
  'not-attributed': (row) => (row.summary?.all['not-attributed'] ?? 0) > 0,
};

/** The quick filters' names as the grid shows them. */
export const QUICK_FILTER_LABELS: Record<QuickFilter, string> = {
  unlinked: 'Not linked',
  'other-partner': 'Another partner',
  'needs-sign-in': 'Needs sign-in',
  stale: 'Stale',
  'not-attributed': 'Not attributed',
};

export function matchesAttribution(row: GridRow, filter: AttributionFilter): boolean {
  if (!row.summary) return false;
  const counts = filter.product ? row.summary.byProduct[filter.product] : row.summary.all;
  return counts[filter.verdict] > 0;
}

/** One predicate per active filter, each named, so the grid can say which one hides everything. */
export function activeFilters(filters: GridFilters, now: number): { key: string; test: (row: GridRow) => boolean }[] {
  const out: { key: string; test: (row: GridRow) => boolean }[] = [];
  const needle = filters.search.trim().toLowerCase();
  if (needle) out.push({ key: 'search', test: (row) => row.haystack.includes(needle) });
  for (const q of filters.quick) out.push({ key: q, test: (row) => QUICK[q](row, now) });
  const attribution = filters.attribution;
  if (attribution) out.push({ key: 'attribution', test: (row) => matchesAttribution(row, attribution) });
  return out;
}

export function filterRows(rows: readonly GridRow[], filters: GridFilters, now: number): GridRow[] {
  const tests = activeFilters(filters, now);
  if (tests.length === 0) return rows.slice();
  return rows.filter((row) => tests.every((t) => t.test(row)));
}

/** With nothing shown: the one filter that alone leaves no tenant, or 'combination' when only filters together do. */
export function hidingFilter(rows: readonly GridRow[], filters: GridFilters, now: number): string | null {
  if (rows.length === 0) return null;
  const tests = activeFilters(filters, now);
  if (tests.length === 0 || rows.some((row) => tests.every((t) => t.test(row)))) return null;
  return tests.find((t) => !rows.some(t.test))?.key ?? 'combination';
}

/** Worst first, as the PAL status sorts ascending. */
const PAL_ORDER: readonly PalStatus[] = ['other-partner', 'not-linked', 'unknown', 'pending', 'linked'];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const nameOrder = (a: GridRow, b: GridRow) => collator.compare(a.name, b.name) || (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0);

/** A key per column; null (nothing known) sorts last in either direction. */
const KEY: Record<SortColumn, (row: GridRow) => number | null> = {
  customer: () => 0,
  accounts: (row) => row.tenant.accounts.length,
  pal: (row) => PAL_ORDER.indexOf(row.pal),
  attributed: (row) => row.share,
  'needs-sign-in': (row) => row.needsSignIn,
  pending: (row) => row.tenant.pendingActions,
  'last-synced': (row) => row.lastSyncedMs,
};

export function sortRows(rows: GridRow[], sort: GridState['sort']): GridRow[] {
  const key = KEY[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    if (sort.column === 'customer') return sign * nameOrder(a, b);
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? nameOrder(a, b) : ka === null ? 1 : -1;
    return sign * (ka - kb) || nameOrder(a, b);
  });
}

/** The ids from `anchor` to `target` (inclusive) in the shown order, for a shift-click. */
export function rangeIds(shown: readonly GridRow[], anchorId: string, targetId: string): string[] {
  const a = shown.findIndex((r) => r.tenantId === anchorId);
  const b = shown.findIndex((r) => r.tenantId === targetId);
  if (a < 0 || b < 0) return [targetId];
  const [from, to] = a < b ? [a, b] : [b, a];
  return shown.slice(from, to + 1).map((r) => r.tenantId);
}
