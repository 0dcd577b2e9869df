import { describe, expect, it } from 'vitest';
import type { TenantSummary, VerdictCounts } from '../../../src/shared/checklist-types';
import type { AccountView, TenantView } from '../../../src/shared/view-types';
import { buildRows, filterRows, hidingFilter, rangeIds, sortRows, type GridFilters } from '../../../src/renderer/state/grid-rows';
import type { QuickFilter, SortColumn } from '../../../src/renderer/state/grid-store';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();
const id = (n: number) => `c0ffee00-0000-4000-8000-00000000000${n}`;

function account(signIn: AccountView['signIn'], status: AccountView['pal']['status']): AccountView {
  return { identityId: `a-${signIn}-${status}`, kind: 'user', username: 'ana@northwindpartners.com', displayName: null, objectId: null, signIn, lastError: null, isDefault: true, pal: { status, partnerId: null, partnerName: null, seenAt: null } };
}

function tenant(n: number, name: string, options: Partial<TenantView> & { status?: TenantView['pal']['status'] } = {}): TenantView {
  const accounts = options.accounts ?? [account('signed-in', options.status ?? 'linked')];
  return {
    tenantId: id(n),
    displayName: name,
    label: null,
    defaultDomain: `${name.split(' ')[0]!.toLowerCase()}.onmicrosoft.com`,
    cloudId: 'public',
    archived: false,
    pal: { status: options.status ?? 'linked', partnerId: null, partnerName: null, seenAt: null, linkedAccounts: 1, totalAccounts: accounts.length },
    lastSyncedAt: hoursAgo(1),
    pendingActions: 0,
    stale: [],
    ...options,
    accounts,
  };
}

const counts = (c: Partial<VerdictCounts>): VerdictCounts => {
  const v = { attributed: 0, 'at-risk': 0, 'not-attributed': 0, unknown: 0, ...c };
  return { ...v, total: v.attributed + v['at-risk'] + v['not-attributed'] + v.unknown };
};
const empty = counts({});
function summary(n: number, apps: Partial<VerdictCounts>, bi: Partial<VerdictCounts> = {}): TenantSummary {
  const a = counts(apps);
  const b = counts(bi);
  const all = counts(Object.fromEntries((['attributed', 'at-risk', 'not-attributed', 'unknown'] as const).map((k) => [k, a[k] + b[k]])));
  return {
    tenantId: id(n),
    byProduct: { 'power-apps': a, 'power-automate': empty, 'power-bi': b, 'customer-insights': empty },
    all,
    attributedShare: all.total ? all.attributed / all.total : 0,
    coverage: { 'power-apps': 'admin', 'power-automate': 'admin', 'power-bi': 'admin', 'customer-insights': 'admin' },
  };
}

const tenants = [
  tenant(1, 'Contoso Ltd', { label: 'Contoso (HQ)' }),
  tenant(2, 'Fabrikam Inc', { status: 'other-partner' }),
  tenant(3, 'Tailspin Toys', { accounts: [], status: 'unknown', lastSyncedAt: null }),
  tenant(4, 'Adventure Works', { status: 'not-linked', accounts: [account('signed-in', 'linked'), account('needs-sign-in', 'not-linked')], lastSyncedAt: hoursAgo(30), pendingActions: 2 }),
  tenant(5, 'Northwind Traders', { stale: [{ collector: 'partner-links', code: 'offline', message: 'offline', failedAt: hoursAgo(1), succeededAt: null, readAgainAt: null }] }),
];
const summaries = [summary(1, { attributed: 3, 'not-attributed': 1 }), summary(2, { attributed: 1 }), summary(4, { unknown: 2 }, { 'at-risk': 1 })];
const rows = buildRows(tenants, summaries);
const names = (shown: { name: string }[]) => shown.map((r) => r.name);
const none: GridFilters = { search: '', quick: [], attribution: null };

describe('the tenant grid filters tenants', () => {
  it.each<[string, string, string[]]>([
    ['a part of the name', 'fabri', ['Fabrikam Inc']],
    ['the local label', '(hq)', ['Contoso (HQ)']],
    ['the directory name behind a label', 'contoso ltd', ['Contoso (HQ)']],
    ['the domain, in any case', 'TAILSPIN.ONMICROSOFT', ['Tailspin Toys']],
    ['the tenant id', '00000000004', ['Adventure Works']],
    ['words that match nothing', 'zzz', []],
  ])('by search on %s', (_, search, expected) => {
    expect(names(filterRows(rows, { ...none, search }, NOW))).toEqual(expected);
  });

  it.each<[QuickFilter, string[]]>([
    ['unlinked', ['Tailspin Toys', 'Adventure Works']],
    ['other-partner', ['Fabrikam Inc']],
    ['needs-sign-in', ['Tailspin Toys', 'Adventure Works']],
    ['stale', ['Tailspin Toys', 'Adventure Works', 'Northwind Traders']],
    ['not-attributed', ['Contoso (HQ)']],
  ])('with the quick filter %s', (quick, expected) => {
    expect(names(filterRows(rows, { ...none, quick: [quick] }, NOW))).toEqual(expected);
  });

  it('keeps only tenants that match every quick filter that is on', () => {
    expect(names(filterRows(rows, { ...none, quick: ['unlinked', 'stale', 'needs-sign-in'] }, NOW))).toEqual(['Tailspin Toys', 'Adventure Works']);
    expect(names(filterRows(rows, { ...none, quick: ['other-partner', 'stale'] }, NOW))).toEqual([]);
  });

  it.each<[GridFilters['attribution'], string[]]>([
    [{ product: 'power-apps', verdict: 'attributed' }, ['Contoso (HQ)', 'Fabrikam Inc']],
    [{ product: 'power-bi', verdict: 'at-risk' }, ['Adventure Works']],
    [{ product: null, verdict: 'unknown' }, ['Adventure Works']],
    [{ product: 'customer-insights', verdict: 'attributed' }, []],
  ])('by the overview attribution filter %j', (attribution, expected) => {
    expect(names(filterRows(rows, { ...none, attribution }, NOW))).toEqual(expected);
  });
});

describe('an empty result names the filter that hides every tenant', () => {
  it.each<[GridFilters, string | null]>([
    [none, null],
    [{ ...none, search: 'contoso' }, null],
    [{ ...none, search: 'zzz', quick: ['stale'] }, 'search'],
    [{ ...none, quick: ['needs-sign-in', 'other-partner'] }, 'combination'],
    [{ ...none, attribution: { product: 'customer-insights', verdict: 'attributed' } }, 'attribution'],
  ])('%j hides everything because of %s', (filters, expected) => {
    expect(hidingFilter(rows, filters, NOW)).toBe(expected);
  });
});

describe('the tenant grid sorts by every column', () => {
  it.each<[SortColumn, 'asc' | 'desc', string[]]>([
    ['customer', 'asc', ['Adventure Works', 'Contoso (HQ)', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys']],
    ['customer', 'desc', ['Tailspin Toys', 'Northwind Traders', 'Fabrikam Inc', 'Contoso (HQ)', 'Adventure Works']],
    ['accounts', 'desc', ['Adventure Works', 'Contoso (HQ)', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys']],
    ['pal', 'asc', ['Fabrikam Inc', 'Tailspin Toys', 'Adventure Works', 'Contoso (HQ)', 'Northwind Traders']],
    ['attributed', 'desc', ['Fabrikam Inc', 'Contoso (HQ)', 'Adventure Works', 'Northwind Traders', 'Tailspin Toys']],
    ['attributed', 'asc', ['Adventure Works', 'Contoso (HQ)', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys']],
    ['needs-sign-in', 'desc', ['Adventure Works', 'Tailspin Toys', 'Contoso (HQ)', 'Fabrikam Inc', 'Northwind Traders']],
    ['pending', 'desc', ['Adventure Works', 'Contoso (HQ)', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys']],
    ['last-synced', 'asc', ['Adventure Works', 'Contoso (HQ)', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys']],
  ])('by %s %s', (column, direction, expected) => {
    expect(names(sortRows(rows.slice(), { column, direction }))).toEqual(expected);
  });
});

describe('a row shows what its columns say', () => {
  it('a queued action makes the status pending, and a tenant without an account needs one sign-in', () => {
    const [, , tailspin, adventure] = rows;
    expect([adventure!.pal, adventure!.needsSignIn, adventure!.signedIn]).toEqual(['pending', 1, 1]);
    expect([tailspin!.pal, tailspin!.needsSignIn, tailspin!.share, tailspin!.lastSyncedMs]).toEqual(['unknown', 1, null, null]);
  });
});

describe('shift-click selects a range in the order shown', () => {
  it.each<[number, number, number[]]>([
    [1, 3, [1, 2, 3]],
    [4, 2, [2, 3, 4]],
    [2, 2, [2]],
  ])('from row %i to row %i', (from, to, expected) => {
    expect(rangeIds(rows, id(from), id(to))).toEqual(expected.map(id));
  });
});
