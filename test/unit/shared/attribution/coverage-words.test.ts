import { describe, expect, it } from 'vitest';
import { coverageLine, isPartial, tenantCoverage } from '../../../../src/shared/attribution/coverage-words';
import type { InventoryScope } from '../../../../src/shared/power-platform-types';

const scope = (product: InventoryScope['product'], over: Partial<InventoryScope> = {}): InventoryScope => ({
  tenantId: 't-1',
  product,
  scope: 'admin',
  identityId: 'ana',
  reason: null,
  seenAt: '2026-12-08T01:00:00.000Z',
  ...over,
});

describe("a tenant's coverage per product, in the words the app and the CLI both show", () => {
  it('lists the environments and every product, saying read in full, maker scope with its reason, denied with why, and never read', () => {
    const coverage = tenantCoverage([
      scope('environments'),
      scope('power-apps', { scope: 'maker', reason: 'Only what ana@northwindpartners.com can see: a Power Platform admin sees everything.' }),
      scope('power-bi', { scope: 'denied', reason: 'A Fabric admin must let service principals use the Power BI APIs.' }),
      scope('customer-insights', { scope: 'denied', reason: null }),
    ]);
    expect(coverage.map(coverageLine)).toEqual([
      'Environments: everything (read as an admin)',
      'Power Apps: Only what ana@northwindpartners.com can see: a Power Platform admin sees everything.',
      'Power Automate: not read yet (sync this tenant)',
      'Power BI: denied: A Fabric admin must let service principals use the Power BI APIs.',
      'Customer Insights: denied: no account of ours could read it',
    ]);
    expect(coverage.map((c) => [c.product, c.coverage, isPartial(c)])).toEqual([
      ['environments', 'admin', false],
      ['power-apps', 'maker', true],
      ['power-automate', 'unknown', true],
      ['power-bi', 'denied', true],
      ['customer-insights', 'denied', true],
    ]);
  });

  it('takes the widest scope any of our accounts got for a product', () => {
    const [, apps] = tenantCoverage([scope('power-apps', { scope: 'denied', reason: 'refused' }), scope('power-apps', { identityId: 'sp' })]);
    expect(apps).toMatchObject({ product: 'power-apps', coverage: 'admin', reason: null, text: 'everything (read as an admin)' });
  });
});
