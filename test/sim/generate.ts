/** Generates large scenarios for benchmarks: one partner consultant who is a guest in N customer tenants. */
import { guid, type PowerPlatformData, type Scenario, type SimPartnerLink } from './scenario';

/** Apps and flows spread evenly over one production environment per tenant; half are owned or created by the consultant. */
function generateResources(tenants: number[], total: number): PowerPlatformData {
  const env = (n: number) => guid('e0', n);
  const perTenant = Math.ceil(total / Math.max(1, tenants.length));
  const data: PowerPlatformData = {
    environments: tenants.map((n) => ({ tenantId: guid('c0ffee', n), environmentId: env(n), displayName: `Customer ${n} Production`, sku: 'Production', region: 'westeurope' })),
    apps: [],
    flows: [],
    workspaces: [],
  };
  let made = 0;
  for (const n of tenants) {
    for (let i = 0; i < perTenant && made < total; i++, made++) {
      const mine = i % 2 === 0 ? guid('9e57', n) : guid('c5', n);
      if (i % 3 === 2) data.flows.push({ environmentId: env(n), flowId: guid('f0', made), displayName: `Flow ${made}`, creatorObjectId: mine, state: 'Started' });
      else data.apps.push({ environmentId: env(n), appId: guid('a0', made), displayName: `App ${made}`, ownerObjectId: mine, coOwnerObjectIds: [], viewerObjectIds: [] });
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
  /** Power Platform resources in all (apps and flows, spread over one production environment per tenant). */
  resources?: number;
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
    ...(options.resources ? { powerPlatform: generateResources(customers, options.resources) } : {}),
  };
}
