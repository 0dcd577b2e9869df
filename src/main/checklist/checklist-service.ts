/** The attribution checklist, computed on read from the inventory's Power Platform facts and our accounts' observed links (the rules live in src/shared). */
import { checklistForTenant } from '../../shared/attribution/checklist';
import { emptyTenantSummary, summarize } from '../../shared/attribution/summary';
import type { ChecklistSummary, OurAccount, ResourceChecklist, TenantChecklist, TenantFacts, Verdict } from '../../shared/checklist-types';
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
    const pp = this.#inventory.powerPlatform;
    const environments = byTenant(pp.environments());
    const apps = byTenant(pp.apps());
    const flows = byTenant(pp.flows());
    const datasets = byTenant(pp.datasets());
    const users = byTenant(pp.dataverseUsers());
    const scopes = pp.scopes();
    const scopesByTenant = byTenant(scopes);
    const resources: ResourceChecklist[] = [];
    for (const tenant of this.#views.list()) {
      const id = tenant.tenantId;
      const facts = this.#facts(tenant, {
        environments: environments.get(id) ?? [],
        apps: apps.get(id) ?? [],
        flows: flows.get(id) ?? [],
        datasets: datasets.get(id) ?? [],
        dataverseUsers: users.get(id) ?? [],
        scopes: scopesByTenant.get(id) ?? [],
      });
      for (const r of checklistForTenant(facts)) resources.push(r);
    }
    return { resources, summary: summarize(resources, scopes) };
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
