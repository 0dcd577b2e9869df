import { describe, expect, it } from 'vitest';
import { PRODUCT_NAMES, VERDICT_NAMES } from '../../../src/renderer/components/checklist-words';
import { coverageNotes } from '../../../src/shared/attribution/coverage-words';
import { productRows, productStacks, syncedText, tenantCounts, verdictColor, verdictSegments } from '../../../src/renderer/overview/overview-data';
import type { ChecklistSummary, VerdictCounts } from '../../../src/shared/checklist-types';
import type { AccountView, TenantView } from '../../../src/shared/view-types';

const counts = (attributed: number, atRisk: number, notAttributed: number, unknown: number): VerdictCounts => ({
  attributed,
  'at-risk': atRisk,
  'not-attributed': notAttributed,
  unknown,
  total: attributed + atRisk + notAttributed + unknown,
});
const none = counts(0, 0, 0, 0);
const summary: ChecklistSummary = {
  tenants: [],
  byProduct: { 'power-apps': counts(3, 1, 2, 0), 'power-automate': counts(0, 0, 4, 0), 'power-bi': none, 'customer-insights': counts(1, 0, 0, 1) },
  all: counts(4, 1, 6, 1),
  attributedShare: 4 / 12,
  coverage: {
    'power-apps': { admin: 1, maker: 0, denied: 0, unknown: 0 },
    'power-automate': { admin: 1, maker: 0, denied: 0, unknown: 0 },
    'power-bi': { admin: 0, maker: 0, denied: 0, unknown: 1 },
    'customer-insights': { admin: 1, maker: 0, denied: 0, unknown: 0 },
  },
};

const account = (signIn: AccountView['signIn']): AccountView => ({
  identityId: 'home-1',
  kind: 'user',
  username: 'ana@partner.com',
  displayName: 'Ana',
  objectId: 'oid-1',
  signIn,
  lastError: null,
  isDefault: true,
  pal: { status: 'linked', partnerId: '1234567', partnerName: null, seenAt: null },
});
let next = 0;
const tenant = (status: TenantView['pal']['status'], accounts: AccountView[], lastSyncedAt: string | null, archived = false): TenantView => ({
  tenantId: `00000000-0000-4000-8000-00000000000${next++}`,
  displayName: 'Tenant',
  label: null,
  defaultDomain: null,
  cloudId: 'public',
  archived,
  accounts,
  pal: { status, partnerId: null, partnerName: null, seenAt: null, linkedAccounts: 0, totalAccounts: accounts.length },
  lastSyncedAt,
  pendingActions: 0,
  stale: [],
});

describe('overview figures', () => {
  it('gives one row per product, then the totals, each with its attributed share', () => {
    const rows = productRows(summary);
    expect(rows.map((r) => [r.product, r.counts.total, r.share])).toEqual([
      ['power-apps', 6, 0.5],
      ['power-automate', 4, 0],
      ['power-bi', 0, 0],
      ['customer-insights', 2, 0.5],
      [null, 12, 4 / 12],
    ]);
  });

  it('stacks only products with resources, and only the verdicts they have, each segment naming product, verdict and count', () => {
    const stacks = productStacks(summary, PRODUCT_NAMES, VERDICT_NAMES);
    expect(stacks.map((s) => s.name)).toEqual(['Power Apps', 'Power Automate', 'Customer Insights']);
    expect(stacks[0]?.segments.map((s) => [s.verdict, s.count])).toEqual([
      ['attributed', 3],
      ['at-risk', 1],
      ['not-attributed', 2],
    ]);
    expect(stacks[1]?.segments).toEqual([{ product: 'power-automate', verdict: 'not-attributed', count: 4, label: 'Power Automate, not attributed: 4 of 4' }]);
  });

  it('slices the donut by verdict across every product, leaving out verdicts no resource has', () => {
    const empty = { ...summary, all: counts(2, 0, 0, 1) };
    expect(verdictSegments(empty, VERDICT_NAMES)).toEqual([
      { product: null, verdict: 'attributed', count: 2, label: 'Attributed: 2 of 3' },
      { product: null, verdict: 'unknown', count: 1, label: 'Unknown: 1 of 3' },
    ]);
  });

  it('counts tenants by link status and those needing a sign-in, leaving archived ones out', () => {
    const figures = tenantCounts([
      tenant('linked', [account('signed-in')], '2026-11-20T10:00:00.000Z'),
      tenant('not-linked', [account('signed-in'), account('needs-sign-in')], '2026-11-24T10:00:00.000Z'),
      tenant('other-partner', [account('signed-in')], null),
      tenant('unknown', [], null),
      tenant('linked', [account('needs-sign-in')], null, true),
    ]);
    expect(figures).toEqual({
      tracked: 4,
      linked: 1,
      notLinked: 1,
      otherPartner: 1,
      unknown: 1,
      needSignIn: 2,
      lastSyncedAt: '2026-11-24T10:00:00.000Z',
      oldestSyncedAt: '2026-11-20T10:00:00.000Z',
      neverSynced: 2,
    });
  });

  it('says when the customers were last synced, the oldest one, and how many never were', () => {
    const now = Date.parse('2026-11-25T10:00:00.000Z');
    const figures = tenantCounts([tenant('linked', [], '2026-11-22T10:00:00.000Z'), tenant('linked', [], '2026-11-25T09:55:00.000Z'), tenant('linked', [], null)]);
    expect(syncedText(figures, now)).toBe('Last synced 5 min ago; the oldest customer 3 days ago; 1 never synced.');
    expect(syncedText(tenantCounts([tenant('linked', [], '2026-11-25T09:55:00.000Z')]), now)).toBe('Last synced 5 min ago.');
    expect(syncedText(tenantCounts([]), now)).toBe('Not synced yet.');
  });

  it('colours each verdict differently, with a lighter shade on a dark background', () => {
    const light = (['attributed', 'at-risk', 'not-attributed', 'unknown'] as const).map((v) => verdictColor(v, false));
    expect(new Set(light).size).toBe(4);
    expect(verdictColor('attributed', true)).not.toBe(verdictColor('attributed', false));
  });
});

describe('overview coverage notes', () => {
  it('names each product whose counts cover less than everything, and why', () => {
    const partial: ChecklistSummary = {
      ...summary,
      coverage: {
        'power-apps': { admin: 3, maker: 0, denied: 0, unknown: 0 },
        'power-automate': { admin: 1, maker: 2, denied: 0, unknown: 0 },
        'power-bi': { admin: 0, maker: 1, denied: 1, unknown: 1 },
        'customer-insights': { admin: 3, maker: 0, denied: 0, unknown: 0 },
      },
    };
    expect(coverageNotes(partial, PRODUCT_NAMES)).toEqual([
      'Power Automate: only what our account sees in 2 tenants.',
      'Power BI: only what our account sees in 1 tenant; not readable in 1 tenant; not read yet in 1 tenant.',
    ]);
  });
});
