import { describe, expect, it } from 'vitest';
import { checklistTotals, coverageText, emptyChecklistText, partialCoverage } from '../../../src/main/cli/cli-output';
import { tenantCoverage } from '../../../src/shared/attribution/coverage-words';
import type { ChecklistSummary, TenantCoverage, VerdictCounts } from '../../../src/shared/checklist-types';
import type { InventoryScope } from '../../../src/shared/power-platform-types';

const NAMES: Record<string, string> = { 't-1': 'Contoso Ltd', 't-2': 'Litware Inc' };
const name = (id: string) => NAMES[id] ?? id;
const read = (tenantId: string, overrides: Partial<Record<InventoryScope['product'], Partial<InventoryScope>>> = {}): TenantCoverage => ({
  tenantId,
  products: tenantCoverage(
    (['environments', 'power-apps', 'power-automate', 'power-bi', 'customer-insights'] as const).map((product) => ({
      tenantId,
      product,
      scope: 'admin',
      identityId: 'ana',
      reason: null,
      seenAt: '2026-12-08T01:00:00.000Z',
      ...overrides[product],
    })),
  ),
});
const REGISTER = 'sp-1: a Power Platform admin must register the app (New-PowerAppManagementApp) before a service principal can read environments.';
const counts = (attributed: number, total: number): VerdictCounts => ({ attributed, 'at-risk': 0, 'not-attributed': total - attributed, unknown: 0, total });

describe("the CLI's coverage lines", () => {
  it('prints nothing and counts as full coverage when every product was read as an admin', () => {
    expect(coverageText([read('t-1')], name)).toBe('');
    expect(partialCoverage([read('t-1')])).toBe(false);
  });

  it('names each tenant and product not read in full, with why, and counts as partial', () => {
    const coverage = [read('t-1', { 'power-bi': { scope: 'denied', reason: 'Power BI refused the sign-in app.' } }), read('t-2')];
    expect(coverageText(coverage, name)).toBe('\n\nNot read in full (the checklist counts only what was read):\n  Contoso Ltd: Power BI: denied: Power BI refused the sign-in app.');
    expect(partialCoverage(coverage)).toBe(true);
  });

  it("lists every product of one tenant as its detail page does", () => {
    expect(coverageText([read('t-1', { 'customer-insights': { scope: 'maker', reason: 'Only what ana can see.' } })], name, true)).toBe(
      [
        '\n\nWhat the inventory covers:',
        '  Environments: everything (read as an admin)',
        '  Power Apps: everything (read as an admin)',
        '  Power Automate: everything (read as an admin)',
        '  Power BI: everything (read as an admin)',
        '  Customer Insights: Only what ana can see.',
      ].join('\n'),
    );
  });

  it('says "run sync" for an empty checklist only when nothing was ever read, and points at the reasons when the Power Platform refused', () => {
    const never: TenantCoverage = { tenantId: 't-2', products: tenantCoverage([]) };
    expect(emptyChecklistText([never], 0)).toBe('No Power Platform resources in the inventory yet. Run `pal-desk sync`.');
    const refused = read('t-2', { environments: { scope: 'denied', reason: REGISTER }, 'power-apps': { scope: 'denied', reason: `Environments could not be read: ${REGISTER}` } });
    expect(emptyChecklistText([refused], 0)).not.toContain('pal-desk sync');
    expect(emptyChecklistText([refused], 0)).toBe('No Power Platform resources in what PAL Desk could read; what it could not read, and why, is below.');
    expect(coverageText([refused], name, true)).toContain(`  Environments: denied: ${REGISTER}`);
    expect(emptyChecklistText([read('t-1')], 3, 'unknown')).toBe('No resource has the verdict unknown.');
  });

  it('adds under the share attributed the products the counts leave out, as the overview does', () => {
    const none = { admin: 0, maker: 0, denied: 0, unknown: 0 };
    const summary: Pick<ChecklistSummary, 'byProduct' | 'all' | 'attributedShare' | 'coverage'> = {
      byProduct: { 'power-apps': counts(2, 4), 'power-automate': counts(0, 0), 'power-bi': counts(0, 0), 'customer-insights': counts(0, 0) },
      all: counts(2, 4),
      attributedShare: 0.5,
      coverage: { 'power-apps': { ...none, admin: 1 }, 'power-automate': { ...none, admin: 1 }, 'power-bi': { ...none, denied: 1 }, 'customer-insights': { ...none, unknown: 1 } },
    };
    expect(checklistTotals(summary, summary.coverage)).toBe(
      ['Power Apps: 2 of 4 attributed', '50 % of 4 resources attributed to you.', 'Power BI: not readable in 1 tenant.', 'Customer Insights: not read yet in 1 tenant.'].join('\n'),
    );
  });
});
