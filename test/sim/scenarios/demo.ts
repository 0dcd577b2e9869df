/** The demo scenario: a partner consultant with eight customer tenants in every state PAL Desk must handle. */
import { guid, type Scenario, type SimMembership } from '../scenario';

const PARTNER_HOME = guid('aaaa', 1);
const customers = [
  { n: 1, name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', extra: {} },
  { n: 2, name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com', extra: {} },
  { n: 3, name: 'Adventure Works', domain: 'adventureworks.onmicrosoft.com', extra: {} },
  { n: 4, name: 'Tailspin Toys', domain: 'tailspintoys.onmicrosoft.com', extra: { mfaRequired: true } },
  { n: 5, name: 'Woodgrove Bank', domain: 'woodgrovebank.onmicrosoft.com', extra: null },
  { n: 6, name: 'Litware Inc', domain: 'litware.onmicrosoft.com', extra: null },
  { n: 7, name: 'Wide World Importers', domain: 'wideworldimporters.onmicrosoft.com', extra: {} },
  { n: 8, name: 'Proseware', domain: 'proseware.onmicrosoft.com', extra: { consentMissing: true } },
];
const tenantId = (n: number) => guid('c0ffee', n);

export const demoScenario: Scenario = {
  name: 'demo',
  publicClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  tenants: [
    { tenantId: PARTNER_HOME, displayName: 'Northwind Partners', domains: ['northwindpartners.com'], defaultDomain: 'northwindpartners.com' },
    ...customers.map((c) => ({ tenantId: tenantId(c.n), displayName: c.name, domains: [c.domain], defaultDomain: c.domain })),
  ],
  users: [
    {
      username: 'ana@northwindpartners.com',
      displayName: 'Ana Consultant',
      homeTenantId: PARTNER_HOME,
      objectId: guid('0b1ec7', 1),
      memberships: [
        { tenantId: PARTNER_HOME, objectId: guid('0b1ec7', 1) },
        // Woodgrove (5): not a member; Litware (6): reached through a service principal only.
        ...customers
          .filter((c) => c.extra !== null)
          .map((c): SimMembership => ({ tenantId: tenantId(c.n), objectId: guid('9e57', c.n), ...c.extra })),
      ],
    },
  ],
  servicePrincipals: [
    { tenantId: tenantId(6), clientId: guid('5e7c1e', 6), secret: 'litware-demo-secret', objectId: guid('5e7c1e0b', 6), displayName: 'Northwind delivery app' },
  ],
  partnerLinks: [
    { tenantId: tenantId(1), objectId: guid('9e57', 1), partnerId: '1234567' },
    { tenantId: tenantId(3), objectId: guid('9e57', 3), partnerId: '7654321' },
  ],
  partnerNames: { '1234567': 'Northwind Partners', '7654321': 'Another Partner Ltd' },
};
