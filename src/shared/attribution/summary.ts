/** Attribution summaries per tenant and across tenants: counts by product and verdict, the share attributed, and coverage. */
import { type ChecklistSummary, type Coverage, PRODUCTS, type ResourceChecklist, type TenantSummary, type VerdictCounts } from '../checklist-types';
import type { InventoryScope, PowerPlatformProduct } from '../power-platform-types';
import { wider } from './coverage';

function counts(): VerdictCounts {
  return { attributed: 0, 'at-risk': 0, 'not-attributed': 0, unknown: 0, total: 0 };
}

function byProduct(): Record<PowerPlatformProduct, VerdictCounts> {
  return { 'power-apps': counts(), 'power-automate': counts(), 'power-bi': counts(), 'customer-insights': counts() };
}

/** A tenant with nothing counted yet (also what a tenant without Power Platform facts shows). */
export function emptyTenantSummary(tenantId: string): TenantSummary {
  const coverage: Record<PowerPlatformProduct, Coverage> = { 'power-apps': 'unknown', 'power-automate': 'unknown', 'power-bi': 'unknown', 'customer-insights': 'unknown' };
  return { tenantId, byProduct: byProduct(), all: counts(), attributedShare: 0, coverage };
}

function coverageCounts(): Record<Coverage, number> {
  return { admin: 0, maker: 0, denied: 0, unknown: 0 };
}

const share = (c: VerdictCounts): number => (c.total === 0 ? 0 : c.attributed / c.total);

/**
 * One pass over the checklists, one over the scope facts (scopes for 'environments' are left out). A tenant appears
 * when it has a checklist or a scope fact; shares are attributed / total, 0 for none.
 */
export function summarize(checklists: readonly ResourceChecklist[], scopes: readonly InventoryScope[] = []): ChecklistSummary {
  const tenants = new Map<string, TenantSummary>();
  const total = byProduct();
  const all = counts();
  let t: TenantSummary | undefined;
  for (let i = 0; i < checklists.length; i++) {
    const c = checklists[i] as ResourceChecklist;
    // A tenant's checklists usually come together: look the tenant up only when it changes.
    if (t === undefined || t.tenantId !== c.tenantId) {
      t = tenants.get(c.tenantId);
      if (t === undefined) tenants.set(c.tenantId, (t = emptyTenantSummary(c.tenantId)));
    }
    const p = t.byProduct[c.product];
    p[c.verdict]++;
    p.total++;
    t.all[c.verdict]++;
    t.all.total++;
    total[c.product][c.verdict]++;
    total[c.product].total++;
    all[c.verdict]++;
    all.total++;
  }
  for (const s of scopes) {
    if (s.product === 'environments') continue;
    t = tenants.get(s.tenantId);
    if (t === undefined) tenants.set(s.tenantId, (t = emptyTenantSummary(s.tenantId)));
    t.coverage[s.product] = wider(t.coverage[s.product], s.scope);
  }
  const coverage = { 'power-apps': coverageCounts(), 'power-automate': coverageCounts(), 'power-bi': coverageCounts(), 'customer-insights': coverageCounts() };
  const list = [...tenants.values()];
  for (const t of list) {
    t.attributedShare = share(t.all);
    for (const product of PRODUCTS) coverage[product][t.coverage[product]]++;
  }
  return { tenants: list, byProduct: total, all, attributedShare: share(all), coverage };
}
