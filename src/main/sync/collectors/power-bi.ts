/** Collector: Power BI datasets with who configured them; admin APIs inside the tenant's shared admin budget, else the workspaces each of our accounts is a member of. */
import type { CloudProfile } from '../../../shared/cloud-profile';
import { identityLabelOf, identityRefOf, type TenantIdentity } from '../../domain/identity';
import type { ClientRegistry } from '../../http/client-registry';
import type { Inventory } from '../../inventory/inventory';
import { listAdminDatasets, listWorkspaceDatasets } from '../../powerplatform/power-bi-api';
import type { PowerBiAdminBudget } from '../../powerplatform/power-bi-budget';
import { readScoped } from '../../powerplatform/scoped-read';
import type { Collector } from '../collector';
import { scopedFacts } from './scoped-facts';

export interface PowerBiCollectorDeps {
  inventory: Inventory;
  clients: Pick<ClientRegistry, 'rest'>;
  cloud: CloudProfile;
  /** Power BI admin calls per tenant, kept in the inventory so every process on the data folder shares it. */
  adminBudget: PowerBiAdminBudget;
}

const refusal = (account: TenantIdentity) =>
  account.kind === 'service-principal'
    ? `${identityLabelOf(account)}: a Fabric admin must let service principals use the Power BI APIs (tenant settings) before it can read datasets.`
    : `${identityLabelOf(account)} may not list Power BI workspaces.`;

export function powerBiCollector(deps: PowerBiCollectorDeps): Collector {
  return {
    name: 'power-bi',
    facts: 'datasets',
    service: 'Power BI',
    async collect(ctx) {
      ctx.step('power-bi');
      const seenAt = new Date().toISOString();
      const options = (account: TenantIdentity) => ({
        rest: deps.clients.rest(ctx.tenantId, identityRefOf(account), deps.cloud.scopes.powerBi, ctx.label),
        base: deps.cloud.endpoints.powerBi,
        tenantId: ctx.tenantId,
        seenAt,
        signal: ctx.signal,
      });
      const read = await readScoped({
        accounts: ctx.accounts,
        adminName: 'a Fabric (Power BI) admin',
        admin: (account) => listAdminDatasets({ ...options(account), budget: deps.adminBudget, label: ctx.label, account: identityLabelOf(account) }),
        maker: (account) => listWorkspaceDatasets(options(account)),
        key: (d) => d.datasetId,
        refusal,
        makerReason: (readers, several) => `Only the workspaces ${readers} ${several ? 'are members' : 'is a member'} of: a Fabric admin sees every dataset.`,
      });
      return scopedFacts(deps.inventory, ctx, 'power-bi', read, seenAt, (tenantId, items) => deps.inventory.powerPlatform.replaceDatasets(tenantId, items));
    },
  };
}
