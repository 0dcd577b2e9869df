/**
 * The demo scenario: a partner consultant with eight customer tenants in every state PAL Desk must handle.
 * Contoso also has a service principal of ours (listed last, so the first stays Litware's), for two accounts in one tenant.
 * Power Platform: Ana is a Power Platform and Power BI admin in Contoso only (admin scope there, maker scope elsewhere); Litware's
 * service principal is not registered with Power Platform (denied). Contoso has a model-driven app owned by SYSTEM (a Dataverse appmodule) with a custom page, an app
 * co-owned by Ana and another partner's consultant, a flow whose creator left (Ana co-owns it: unknown whether that counts), a solution-aware app and flow, a dataset published
 * by Ana as a guest (#EXT#, also in other casing), a disabled Dataverse user in its Customer Insights environment (found by its installed
 * package; in Fabrikam, where Ana is no admin, Dataverse's solutions say Fabrikam Production is not one), and a test copy
 * of Ana's app in its Sandbox; Ana's app in Adventure Works counts for the other partner her link there names. Principals carry the emails the Power Platform gives (another partner's consultant: fourthcoffee).
 */
import { SYSTEM_OBJECT_ID } from '../power-platform-shapes';
import { guid, type Scenario, type SimMembership } from '../scenario';

const PARTNER_HOME = guid('aaaa', 1);
const customers = [
  { n: 1, name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', extra: { powerPlatformAdmin: true, powerBiAdmin: true } },
  { n: 2, name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com', extra: {} },
  { n: 3, name: 'Adventure Works', domain: 'adventureworks.onmicrosoft.com', extra: {} },
  { n: 4, name: 'Tailspin Toys', domain: 'tailspintoys.onmicrosoft.com', extra: { mfaRequired: true } },
  { n: 5, name: 'Woodgrove Bank', domain: 'woodgrovebank.onmicrosoft.com', extra: null },
  { n: 6, name: 'Litware Inc', domain: 'litware.onmicrosoft.com', extra: null },
  { n: 7, name: 'Wide World Importers', domain: 'wideworldimporters.onmicrosoft.com', extra: {} },
  { n: 8, name: 'Proseware', domain: 'proseware.onmicrosoft.com', extra: { consentMissing: true } },
];
const tenantId = (n: number) => guid('c0ffee', n);
/** A consultant of another partner, co-owner of one of Contoso's apps. */
const OTHER_PARTNER_IN_CONTOSO = guid('07e4', 1);
/** A Contoso employee who has left: the directory no longer knows the object id. */
const LEFT_CONTOSO = guid('1ef7', 1);

export const demoScenario: Scenario = {
  name: 'demo',
  publicClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  // Azure CLI's well-known client, a Microsoft first-party app; the demo's resources all preauthorize it (whether the real ones do is unknown).
  clientApps: [{ clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', displayName: 'Microsoft Azure CLI', firstParty: true }],
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
      {
        tenantId: tenantId(1),
        environmentId: guid('e0', 13),
        displayName: 'Contoso Customer Insights',
        sku: 'Production',
        region: 'westeurope',
        dataverse: { customerInsights: true, enabledUserObjectIds: [guid('9e57', 1), guid('c5', 1)], disabledUserObjectIds: [guid('c5', 3)] },
      },
      { tenantId: tenantId(1), environmentId: guid('e0', 14), displayName: 'Contoso Sandbox', sku: 'Sandbox', region: 'westeurope' },
      // Ana created a flow here, so she is one of its Dataverse users (a maker of a Dataverse environment has a systemuser there).
      { tenantId: tenantId(2), environmentId: guid('e0', 21), displayName: 'Fabrikam Production', sku: 'Production', region: 'northeurope', dataverse: { customerInsights: false, enabledUserObjectIds: [guid('9e57', 2)] } },
      { tenantId: tenantId(2), environmentId: guid('e0', 22), displayName: 'Fabrikam Trial', sku: 'Trial', region: 'northeurope' },
      { tenantId: tenantId(2), environmentId: guid('e0', 23), displayName: 'Fabrikam Finance Dev', sku: 'Developer', region: 'northeurope', makerObjectIds: [guid('c5', 21)] },
      { tenantId: tenantId(6), environmentId: guid('e0', 61), displayName: 'Litware Production', sku: 'Production', region: 'eastus' },
      { tenantId: tenantId(3), environmentId: guid('e0', 31), displayName: 'Adventure Works Production', sku: 'Production', region: 'westus' },
    ],
    apps: [
      { environmentId: guid('e0', 12), appId: guid('a0', 1), displayName: 'Field Inspections', ownerObjectId: guid('9e57', 1), coOwnerObjectIds: [], viewerObjectIds: [guid('c5', 1)] },
      { environmentId: guid('e0', 12), appId: guid('a0', 2), displayName: 'Expense Approvals', ownerObjectId: guid('c5', 1), coOwnerObjectIds: [guid('9e57', 1)], viewerObjectIds: [] },
      { environmentId: guid('e0', 12), appId: guid('a0', 3), displayName: 'Asset Tracker', ownerObjectId: guid('c5', 2), coOwnerObjectIds: [], viewerObjectIds: [guid('9e57', 1)] },
      { environmentId: guid('e0', 21), appId: guid('a0', 4), displayName: 'Fabrikam Onboarding', ownerObjectId: guid('9e57', 2), coOwnerObjectIds: [], viewerObjectIds: [] },
      { environmentId: guid('e0', 13), appId: guid('a0', 5), displayName: 'Customer Service Hub', ownerObjectId: SYSTEM_OBJECT_ID, coOwnerObjectIds: [], viewerObjectIds: [], appType: 'model-driven', solution: true },
      { environmentId: guid('e0', 13), appId: guid('a0', 6), displayName: 'Partner Portal', ownerObjectId: guid('c5', 1), coOwnerObjectIds: [guid('9e57', 1), OTHER_PARTNER_IN_CONTOSO], viewerObjectIds: [] },
      { environmentId: guid('e0', 13), appId: guid('a0', 7), displayName: 'Inspection Checklist', ownerObjectId: guid('9e57', 1), coOwnerObjectIds: [], viewerObjectIds: [], solution: true },
      { environmentId: guid('e0', 21), appId: guid('a0', 8), displayName: 'Fabrikam Shared Calendar', ownerObjectId: guid('c5', 21), coOwnerObjectIds: [], viewerObjectIds: [guid('9e57', 2)] },
      { environmentId: guid('e0', 23), appId: guid('a0', 9), displayName: 'Fabrikam Payroll', ownerObjectId: guid('c5', 21), coOwnerObjectIds: [], viewerObjectIds: [] },
      { environmentId: guid('e0', 61), appId: guid('a0', 10), displayName: 'Litware Orders', ownerObjectId: guid('c5', 61), coOwnerObjectIds: [], viewerObjectIds: [] },
      { environmentId: guid('e0', 31), appId: guid('a0', 12), displayName: 'Bike Configurator', ownerObjectId: guid('9e57', 3), coOwnerObjectIds: [], viewerObjectIds: [], solution: true },
      { environmentId: guid('e0', 14), appId: guid('a0', 11), displayName: 'Inspection Checklist (test)', ownerObjectId: guid('9e57', 1), coOwnerObjectIds: [], viewerObjectIds: [], solution: true },
      // A custom page of a model-driven app: the Power Apps list shows it (CustomCanvasPage), PAL Desk does not count it as an app.
      { environmentId: guid('e0', 13), appId: guid('a0', 13), displayName: 'Case Summary', ownerObjectId: guid('9e57', 1), coOwnerObjectIds: [], viewerObjectIds: [], appType: 'custom-page', solution: true },
    ],
    people: {
      [guid('c5', 1)]: { displayName: 'Megan Bowen', email: 'megan@contoso.onmicrosoft.com' },
      [guid('c5', 2)]: { displayName: 'Alex Wilber', email: 'alex@contoso.onmicrosoft.com' },
      [guid('c5', 21)]: { displayName: 'Nestor Wilke', email: 'nestor@fabrikam.onmicrosoft.com' },
      [guid('c5', 61)]: { displayName: 'Isaiah Langer', email: 'isaiah@litware.onmicrosoft.com' },
      [OTHER_PARTNER_IN_CONTOSO]: { displayName: 'Lee Gu (Fourth Coffee Partners)', email: 'lee@fourthcoffeepartners.com' },
    },
    flows: [
      { environmentId: guid('e0', 12), flowId: guid('f0', 1), displayName: 'Approve expenses', creatorObjectId: guid('9e57', 1), state: 'Started' },
      { environmentId: guid('e0', 12), flowId: guid('f0', 2), displayName: 'Nightly export', creatorObjectId: guid('c5', 1), state: 'Started' },
      { environmentId: guid('e0', 12), flowId: guid('f0', 3), displayName: 'Old reminder', creatorObjectId: guid('9e57', 1), state: 'Stopped' },
      { environmentId: guid('e0', 13), flowId: guid('f0', 4), displayName: 'Legacy sync', creatorObjectId: LEFT_CONTOSO, state: 'Suspended', coOwnerObjectIds: [guid('9e57', 1)] },
      { environmentId: guid('e0', 13), flowId: guid('f0', 5), displayName: 'Case routing', creatorObjectId: guid('9e57', 1), state: 'Started', solution: true },
      { environmentId: guid('e0', 21), flowId: guid('f0', 6), displayName: 'Fabrikam welcome mail', creatorObjectId: guid('9e57', 2), state: 'Started' },
      { environmentId: guid('e0', 21), flowId: guid('f0', 7), displayName: 'Fabrikam invoice import', creatorObjectId: guid('c5', 21), state: 'Started' },
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
      {
        tenantId: tenantId(1),
        groupId: guid('b1', 4),
        name: 'Contoso Finance',
        memberObjectIds: [guid('c5', 1)],
        datasets: [{ id: guid('d5', 4), name: 'Budget', configuredBy: 'ANA_northwindpartners.com#EXT#@Contoso.OnMicrosoft.com' }],
      },
      {
        tenantId: tenantId(2),
        groupId: guid('b1', 21),
        name: 'Fabrikam Reports',
        memberObjectIds: [guid('9e57', 2)],
        datasets: [
          { id: guid('d5', 21), name: 'Sales', configuredBy: 'ana_northwindpartners.com#EXT#@fabrikam.onmicrosoft.com' },
          { id: guid('d5', 22), name: 'Stock', configuredBy: 'ops@fabrikam.onmicrosoft.com' },
          { id: guid('d5', 23), name: 'Returns', configuredBy: 'ops@fabrikam.onmicrosoft.com' },
        ],
      },
      { tenantId: tenantId(2), groupId: guid('b1', 22), name: 'Fabrikam Board', memberObjectIds: [guid('c5', 21)], datasets: [{ id: guid('d5', 24), name: 'Board pack', configuredBy: 'cfo@fabrikam.onmicrosoft.com' }] },
    ],
  },
};
