/** The attribution checklist, computed on read from the inventory's Power Platform facts and our accounts' observed links (the rules live in src/shared). */
import { checklistForTenant, checklistRows, outcomesForTenant, type TenantOutcomes } from '../../shared/attribution/checklist';
import { tenantCoverage } from '../../shared/attribution/coverage-words';
import { emptyTenantSummary, summarize, summarizeOutcomes } from '../../shared/attribution/summary';
import type { ChecklistSummary, OurAccount, ResourceChecklist, TenantChecklist, TenantCoverage, TenantFacts, Verdict } from '../../shared/checklist-types';
import type { InventoryScope } from '../../shared/power-platform-types';
import type { TenantView } from '../../shared/view-types';
import type { Inventory } from '../inventory/inventory';
import type { TenantViews } from '../tenants/tenant-views';

/** Our accounts in a tenant as the rules read them. */
export const ourAccounts = (tenant: TenantView): OurAccount[] =>
  tenant.accounts.map((a) => ({
    identityId: a.identityId,
    kind: a.kind,
    label: a.username ?? a.identityId,
    objectId: a.objectId,
    upn: a.kind === 'user' ? a.username : null,
    link: { status: a.pal.status, partnerId: a.pal.partnerId },
  }));

/** Groups rows by their tenant in one pass. */
function byTenant<T extends { tenantId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.tenantId);
    if (list) list.push(row);
    else out.set(row.tenantId, [row]);
  }
  return out;
}

export class ChecklistService {
  readonly #inventory: Inventory;
  readonly #views: TenantViews;
  readonly #partnerId: () => string | null;
  /** The last summary and the inventory version and partner ID it was computed for. */
  #summary: { key: string; value: ChecklistSummary } | null = null;

  constructor(inventory: Inventory, views: TenantViews, partnerId: () => string | null) {
    this.#inventory = inventory;
    this.#views = views;
    this.#partnerId = partnerId;
  }

  /** One tenant's checklist (optionally only the resources with one verdict). */
  forTenant(tenantId: string, verdict?: Verdict): TenantChecklist {
    const tenant = this.#views.view(tenantId);
    const pp = this.#inventory.powerPlatform;
    const facts = this.#facts(tenant, {
      environments: pp.environments(tenantId),
      apps: pp.apps(tenantId),
      flows: pp.flows(tenantId),
      datasets: pp.datasets(tenantId),
      dataverseUsers: pp.dataverseUsers(tenantId),
      scopes: pp.scopes(tenantId),
    });
    const resources = checklistForTenant(facts);
    const [summary] = summarize(resources, facts.scopes).tenants;
    return {
      tenantId,
      resources: verdict ? resources.filter((r) => r.verdict === verdict) : resources,
      summary: summary ?? emptyTenantSummary(tenantId),
      scopes: facts.scopes,
      environments: facts.environments,
    };
  }

  /** Every tracked tenant's checklist at once, and the counts across them. */
  all(): { resources: ResourceChecklist[]; summary: ChecklistSummary } {
    const { outcomes, scopes } = this.#everyTenant();
    return { resources: outcomes.flatMap(checklistRows), summary: summarizeOutcomes(outcomes, scopes) };
  }

  /** The counts across tenants without a row per resource, kept until the inventory or the partner ID changes. */
  summary(): ChecklistSummary {
    const key = `${this.#inventory.version()}\n${this.#partnerId() ?? ''}`;
    if (this.#summary?.key === key) return this.#summary.value;
    const { outcomes, scopes } = this.#everyTenant();
    const value = summarizeOutcomes(outcomes, scopes);
    this.#summary = { key, value };
    return value;
  }

  /** What the inventory covers per product in each tracked tenant (or in those named), in the order of the tenant list. */
  coverage(tenantIds?: readonly string[]): TenantCoverage[] {
    const scopes = byTenant(this.#inventory.powerPlatform.scopes());
    return this.#views
      .list()
      .filter((t) => !tenantIds || tenantIds.includes(t.tenantId))
      .map((t) => ({ tenantId: t.tenantId, products: tenantCoverage(scopes.get(t.tenantId) ?? []) }));
  }

  #everyTenant(): { outcomes: TenantOutcomes[]; scopes: InventoryScope[] } {
    const pp = this.#inventory.powerPlatform;
    const environments = byTenant(pp.environments());
    const apps = byTenant(pp.apps());
    const flows = byTenant(pp.flows());
    const datasets = byTenant(pp.datasets());
    const users = byTenant(pp.dataverseUsers());
    const scopes = pp.scopes();
    const scopesByTenant = byTenant(scopes);
    const outcomes = this.#views.list().map((tenant) => {
      const id = tenant.tenantId;
      return outcomesForTenant(
        this.#facts(tenant, {
          environments: environments.get(id) ?? [],
          apps: apps.get(id) ?? [],
          flows: flows.get(id) ?? [],
          datasets: datasets.get(id) ?? [],
          dataverseUsers: users.get(id) ?? [],
          scopes: scopesByTenant.get(id) ?? [],
        }),
      );
    });
    return { outcomes, scopes };
  }

  #facts(tenant: TenantView, facts: Omit<TenantFacts, 'tenantId' | 'domains' | 'partnerId' | 'accounts'>): TenantFacts {
    return {
      tenantId: tenant.tenantId,
      domains: tenant.defaultDomain ? [tenant.defaultDomain] : [],
      partnerId: this.#partnerId(),
      accounts: ourAccounts(tenant),
      ...facts,
    };
  }
}
