/** Attribution summaries per tenant and across tenants: counts by product and verdict, the share attributed, and coverage. */
import { type ChecklistSummary, type Coverage, PRODUCTS, type ResourceChecklist, type TenantSummary, type Verdict, type VerdictCounts } from '../checklist-types';
import type { InventoryScope, PowerPlatformProduct } from '../power-platform-types';
import type { TenantOutcomes } from './checklist';
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

/** Counts by tenant, product and verdict as resources are added, then the summary with shares and coverage. */
class Tally {
  readonly #tenants = new Map<string, TenantSummary>();
  readonly #total = byProduct();
  readonly #all = counts();
  #last: TenantSummary | undefined;

  tenant(tenantId: string): TenantSummary {
    // A tenant's resources usually come together: look the tenant up only when it changes.
    if (this.#last?.tenantId === tenantId) return this.#last;
    let t = this.#tenants.get(tenantId);
    if (t === undefined) this.#tenants.set(tenantId, (t = emptyTenantSummary(tenantId)));
    return (this.#last = t);
  }

  add(t: TenantSummary, product: PowerPlatformProduct, verdict: Verdict): void {
    const p = t.byProduct[product];
    p[verdict]++;
    p.total++;
    t.all[verdict]++;
    t.all.total++;
    this.#total[product][verdict]++;
    this.#total[product].total++;
    this.#all[verdict]++;
    this.#all.total++;
  }

  /** Scopes for 'environments' are left out; a tenant known only by a scope is listed. */
  summary(scopes: readonly InventoryScope[]): ChecklistSummary {
    for (const s of scopes) {
      if (s.product === 'environments') continue;
      const t = this.tenant(s.tenantId);
      t.coverage[s.product] = wider(t.coverage[s.product], s.scope);
    }
    const coverage = { 'power-apps': coverageCounts(), 'power-automate': coverageCounts(), 'power-bi': coverageCounts(), 'customer-insights': coverageCounts() };
    const list = [...this.#tenants.values()];
    for (const t of list) {
      t.attributedShare = share(t.all);
      for (const product of PRODUCTS) coverage[product][t.coverage[product]]++;
    }
    return { tenants: list, byProduct: this.#total, all: this.#all, attributedShare: share(this.#all), coverage };
  }
}

/** The summary of checklist rows: a tenant appears when it has a row or a scope fact; shares are attributed / total, 0 for none. */
export function summarize(checklists: readonly ResourceChecklist[], scopes: readonly InventoryScope[] = []): ChecklistSummary {
  const tally = new Tally();
  for (const c of checklists) tally.add(tally.tenant(c.tenantId), c.product, c.verdict);
  return tally.summary(scopes);
}

/** The same summary from tenants' outcomes, without making a row per resource (a tenant without resources appears by its scopes only). */
export function summarizeOutcomes(tenants: readonly TenantOutcomes[], scopes: readonly InventoryScope[] = []): ChecklistSummary {
  const tally = new Tally();
  for (const o of tenants) {
    if (o.apps.length + o.flows.length + o.datasets.length + o.customerInsights.length === 0) continue;
    const t = tally.tenant(o.facts.tenantId);
    for (const a of o.apps) tally.add(t, 'power-apps', a.verdict);
    for (const f of o.flows) tally.add(t, 'power-automate', f.verdict);
    for (const d of o.datasets) tally.add(t, 'power-bi', d.verdict);
    for (const c of o.customerInsights) tally.add(t, 'customer-insights', c.verdict);
  }
  return tally.summary(scopes);
}
