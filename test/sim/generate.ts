/** Generates large scenarios for benchmarks: one partner consultant who is a guest in N customer tenants. */
import { guid, type PowerPlatformData, type Scenario, type SimPartnerLink } from './scenario';

/**
 * Apps and flows spread evenly over each tenant's environments (the first is Production, then Sandbox, Developer …); half are owned
 * or created by the consultant. Each tenant also gets one workspace with `datasets` datasets, every other one published by the consultant.
 */
function generateResources(tenants: number[], total: number, environments: number, datasets: number): PowerPlatformData {
  const skus = ['Production', 'Sandbox', 'Developer', 'Trial', 'Default'] as const;
  const env = (n: number, e: number) => guid('e0', n * 100 + e);
  const perTenant = Math.ceil(total / Math.max(1, tenants.length));
  const data: PowerPlatformData = {
    environments: tenants.flatMap((n) =>
      Array.from({ length: environments }, (_, e) => ({ tenantId: guid('c0ffee', n), environmentId: env(n, e), displayName: `Customer ${n} ${skus[e % skus.length]} ${e + 1}`, sku: skus[e % skus.length] ?? 'Production', region: 'westeurope' })),
    ),
    apps: [],
    flows: [],
    workspaces: [],
  };
  let made = 0;
  for (const n of tenants) {
    for (let i = 0; i < perTenant && made < total; i++, made++) {
      const mine = i % 2 === 0 ? guid('9e57', n) : guid('c5', n);
      const environmentId = env(n, i % environments);
      if (i % 3 === 2) data.flows.push({ environmentId, flowId: guid('f0', made), displayName: `Flow ${made}`, creatorObjectId: mine, state: 'Started' });
      else data.apps.push({ environmentId, appId: guid('a0', made), displayName: `App ${made}`, ownerObjectId: mine, coOwnerObjectIds: [], viewerObjectIds: [] });
    }
    if (datasets > 0) {
      data.workspaces.push({
        tenantId: guid('c0ffee', n),
        groupId: guid('b1', n),
        name: `Customer ${n} Reports`,
        datasets: Array.from({ length: datasets }, (_, d) => ({
          id: guid('d5', n * 1000 + d),
          name: `Dataset ${d + 1}`,
          configuredBy: d % 2 === 0 ? `ana_northwindpartners.com#EXT#@customer${n}.onmicrosoft.com` : `owner@customer${n}.onmicrosoft.com`,
        })),
      });
    }
  }
  return data;
}

export interface GenerateOptions {
  tenants: number;
  /** Share of tenants already linked to our partner ID (1234567). */
  linkedShare?: number;
  /** Share of tenants linked to another partner (7654321). */
  otherShare?: number;
  /** Power Platform resources in all (apps and flows, spread over each tenant's environments). */
  resources?: number;
  /** Environments per tenant (default 1). */
  environmentsPerTenant?: number;
  /** Power BI datasets per tenant, in one workspace (default 0). */
  datasetsPerTenant?: number;
}

export function generateScenario(options: GenerateOptions): Scenario {
  const home = guid('aaaa', 1);
  const customers = Array.from({ length: options.tenants }, (_, i) => i + 1);
  const linkedUntil = Math.round(options.tenants * (options.linkedShare ?? 0));
  const otherUntil = linkedUntil + Math.round(options.tenants * (options.otherShare ?? 0));
  const partnerLinks: SimPartnerLink[] = customers
    .filter((n) => n <= otherUntil)
    .map((n) => ({ tenantId: guid('c0ffee', n), objectId: guid('9e57', n), partnerId: n <= linkedUntil ? '1234567' : '7654321' }));
  return {
    name: `generated-${options.tenants}`,
    publicClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    tenants: [
      { tenantId: home, displayName: 'Northwind Partners', domains: ['northwindpartners.com'], defaultDomain: 'northwindpartners.com' },
      ...customers.map((n) => ({ tenantId: guid('c0ffee', n), displayName: `Customer ${n}`, domains: [`customer${n}.onmicrosoft.com`], defaultDomain: `customer${n}.onmicrosoft.com` })),
    ],
    users: [
      {
        username: 'ana@northwindpartners.com',
        displayName: 'Ana Consultant',
        homeTenantId: home,
        objectId: guid('0b1ec7', 1),
        memberships: [{ tenantId: home, objectId: guid('0b1ec7', 1) }, ...customers.map((n) => ({ tenantId: guid('c0ffee', n), objectId: guid('9e57', n) }))],
      },
    ],
    servicePrincipals: [],
    partnerLinks,
    partnerNames: { '1234567': 'Northwind Partners', '7654321': 'Another Partner Ltd' },
    ...(options.resources ? { powerPlatform: generateResources(customers, options.resources, options.environmentsPerTenant ?? 1, options.datasetsPerTenant ?? 0) } : {}),
  };
}
