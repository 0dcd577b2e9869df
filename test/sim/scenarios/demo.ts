/**
 * The demo scenario: a partner consultant with eight customer tenants in every state PAL Desk must handle.
 * Contoso also has a service principal of ours (listed last, so the first stays Litware's), for two accounts in one tenant.
 */
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
    { tenantId: tenantId(1), clientId: guid('5e7c1e', 1), secret: 'contoso-demo-secret', objectId: guid('5e7c1e0b', 1), displayName: 'Northwind automation app' },
  ],
  partnerLinks: [
    { tenantId: tenantId(1), objectId: guid('9e57', 1), partnerId: '1234567' },
    { tenantId: tenantId(3), objectId: guid('9e57', 3), partnerId: '7654321' },
  ],
  partnerNames: { '1234567': 'Northwind Partners', '7654321': 'Another Partner Ltd' },
  powerPlatform: {
    environments: [
      { tenantId: tenantId(1), environmentId: guid('e0', 11), displayName: 'Contoso (default)', sku: 'Default', region: 'westeurope' },
      { tenantId: tenantId(1), environmentId: guid('e0', 12), displayName: 'Contoso Production', sku: 'Production', region: 'westeurope', dataverse: { customerInsights: false, enabledUserObjectIds: [guid('9e57', 1)] } },
      { tenantId: tenantId(1), environmentId: guid('e0', 13), displayName: 'Contoso Customer Insights', sku: 'Production', region: 'westeurope', dataverse: { customerInsights: true, enabledUserObjectIds: [guid('9e57', 1), guid('c5', 1)] } },
      { tenantId: tenantId(1), environmentId: guid('e0', 14), displayName: 'Contoso Sandbox', sku: 'Sandbox', region: 'westeurope' },
      { tenantId: tenantId(2), environmentId: guid('e0', 21), displayName: 'Fabrikam Production', sku: 'Production', region: 'northeurope', dataverse: { customerInsights: false, enabledUserObjectIds: [] } },
      { tenantId: tenantId(2), environmentId: guid('e0', 22), displayName: 'Fabrikam Trial', sku: 'Trial', region: 'northeurope' },
    ],
    apps: [
      { environmentId: guid('e0', 12), appId: guid('a0', 1), displayName: 'Field Inspections', ownerObjectId: guid('9e57', 1), coOwnerObjectIds: [], viewerObjectIds: [guid('c5', 1)] },
      { environmentId: guid('e0', 12), appId: guid('a0', 2), displayName: 'Expense Approvals', ownerObjectId: guid('c5', 1), coOwnerObjectIds: [guid('9e57', 1)], viewerObjectIds: [] },
      { environmentId: guid('e0', 12), appId: guid('a0', 3), displayName: 'Asset Tracker', ownerObjectId: guid('c5', 2), coOwnerObjectIds: [], viewerObjectIds: [guid('9e57', 1)] },
      { environmentId: guid('e0', 21), appId: guid('a0', 4), displayName: 'Fabrikam Onboarding', ownerObjectId: guid('9e57', 2), coOwnerObjectIds: [], viewerObjectIds: [] },
    ],
    flows: [
      { environmentId: guid('e0', 12), flowId: guid('f0', 1), displayName: 'Approve expenses', creatorObjectId: guid('9e57', 1), state: 'Started' },
      { environmentId: guid('e0', 12), flowId: guid('f0', 2), displayName: 'Nightly export', creatorObjectId: guid('c5', 1), state: 'Started' },
      { environmentId: guid('e0', 12), flowId: guid('f0', 3), displayName: 'Old reminder', creatorObjectId: guid('9e57', 1), state: 'Stopped' },
    ],
    workspaces: [
      {
        tenantId: tenantId(1),
        groupId: guid('b1', 1),
        name: 'Contoso Sales',
        datasets: [
          { id: guid('d5', 1), name: 'Pipeline', configuredBy: 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com' },
          { id: guid('d5', 2), name: 'Finance', configuredBy: 'cfo@contoso.onmicrosoft.com' },
        ],
      },
      { tenantId: tenantId(1), groupId: guid('b1', 2), name: 'Contoso Ops', datasets: [] },
      { tenantId: tenantId(1), groupId: guid('b1', 3), name: 'Contoso HR', datasets: [{ id: guid('d5', 3), name: 'Headcount', configuredBy: 'hr@contoso.onmicrosoft.com' }] },
    ],
  },
};
