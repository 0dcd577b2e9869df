import { describe, expect, it } from 'vitest';
import { summarize } from '../../../../src/shared/attribution/summary';
import { PRODUCTS, VERDICTS, type ResourceChecklist, type Verdict } from '../../../../src/shared/checklist-types';
import type { InventoryScope, PowerPlatformProduct } from '../../../../src/shared/power-platform-types';
import { SEEN } from './fixtures';

const item = (tenantId: string, product: PowerPlatformProduct, verdict: Verdict, i = 0): ResourceChecklist => ({
  product,
  tenantId,
  environmentId: product === 'power-bi' ? null : 'env',
  workspaceId: product === 'power-bi' ? 'ws' : null,
  resourceId: `r${i}`,
  name: `r${i}`,
  attributedTo: verdict === 'attributed' ? 'ana' : null,
  checks: [],
  verdict,
  seenAt: SEEN,
});

const scope = (tenantId: string, product: InventoryScope['product'], s: InventoryScope['scope']): InventoryScope => ({ tenantId, product, scope: s, identityId: 'ana', reason: null, seenAt: SEEN });

describe('attribution summaries', () => {
  const lists = [
    item('contoso', 'power-apps', 'attributed'),
    item('contoso', 'power-apps', 'not-attributed'),
    item('contoso', 'power-automate', 'at-risk'),
    item('contoso', 'power-bi', 'attributed'),
    item('fabrikam', 'power-bi', 'unknown'),
    item('fabrikam', 'customer-insights', 'attributed'),
  ];

  it('counts by product and verdict per tenant, with the share attributed to us', () => {
    const contoso = summarize(lists).tenants.find((t) => t.tenantId === 'contoso');
    expect(contoso?.byProduct['power-apps']).toEqual({ attributed: 1, 'at-risk': 0, 'not-attributed': 1, unknown: 0, total: 2 });
    expect(contoso?.byProduct['customer-insights'].total).toBe(0);
    expect(contoso?.all).toEqual({ attributed: 2, 'at-risk': 1, 'not-attributed': 1, unknown: 0, total: 4 });
    expect(contoso?.attributedShare).toBe(0.5);
  });

  it('adds up across tenants', () => {
    const summary = summarize(lists);
    expect(summary.tenants.map((t) => t.tenantId)).toEqual(['contoso', 'fabrikam']);
    expect(summary.byProduct['power-bi']).toEqual({ attributed: 1, 'at-risk': 0, 'not-attributed': 0, unknown: 1, total: 2 });
    expect(summary.all.total).toBe(6);
    expect(summary.attributedShare).toBe(3 / 6);
  });

  it('has a share of 0, not NaN, when there is nothing', () => {
    const summary = summarize([]);
    expect(summary).toMatchObject({ tenants: [], attributedShare: 0 });
    expect(summary.all.total).toBe(0);
  });

  it('keeps the widest coverage per tenant and product, lists tenants known only by a scope, and counts tenants per coverage', () => {
    const scopes = [
      scope('contoso', 'power-apps', 'maker'),
      scope('contoso', 'power-apps', 'admin'),
      scope('contoso', 'power-bi', 'denied'),
      scope('contoso', 'environments', 'admin'),
      scope('northwind', 'power-automate', 'denied'),
    ];
    const summary = summarize(lists, scopes);
    expect(summary.tenants.find((t) => t.tenantId === 'contoso')?.coverage).toEqual({ 'power-apps': 'admin', 'power-automate': 'unknown', 'power-bi': 'denied', 'customer-insights': 'unknown' });
    expect(summary.tenants.find((t) => t.tenantId === 'northwind')).toMatchObject({ attributedShare: 0, coverage: { 'power-automate': 'denied' } });
    expect(summary.coverage['power-apps']).toEqual({ admin: 1, maker: 0, denied: 0, unknown: 2 });
    expect(summary.coverage['power-automate']).toEqual({ admin: 0, maker: 0, denied: 1, unknown: 2 });
  });

  it('summarises 100,000 checklists over 1,000 tenants quickly (guard: < 500 ms here; the benchmark goal is < 100 ms)', () => {
    const many: ResourceChecklist[] = [];
    for (let i = 0; i < 100_000; i++) {
      many.push(item(`tenant-${i % 1000}`, PRODUCTS[i % 4] as PowerPlatformProduct, VERDICTS[(i >> 2) % 4] as Verdict, i));
    }
    const started = performance.now();
    const summary = summarize(many);
    const elapsed = performance.now() - started;
    expect(summary.tenants).toHaveLength(1000);
    expect(summary.all).toEqual({ attributed: 25_000, 'at-risk': 25_000, 'not-attributed': 25_000, unknown: 25_000, total: 100_000 });
    expect(summary.attributedShare).toBe(0.25);
    expect(elapsed).toBeLessThan(500);
  });
});
