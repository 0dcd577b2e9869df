/**
 * Customers whose names are hostile, as an adversary on the customer's side can set them (a tenant's display name, an app's
 * or a flow's name are free text): an OSC 52 escape (a terminal that honours it writes the clipboard), line breaks that forge a
 * line of PAL Desk's output, a right-to-left override that makes "gnp.exe" read "exe.png", a semicolon that splits a CSV cell into
 * a formula where the list separator is ";", formulas behind a space and in fullwidth form. Ana signs in to each herself (a
 * member everywhere); Woodgrove needs MFA, so a silent sign-in fails there and its name shows in a job's problems.
 */
import { guid, type Scenario } from '../scenario';

/** Writes "rm -rf ~" (base64) to the clipboard of a terminal that honours OSC 52. */
export const OSC52 = '\x1b]52;c;cm0gLXJmIH4=\x07';
export const FABRIKAM = `Fabrikam ${OSC52}Inc\nContoso Ltd: linked (ana@northwindpartners.com)`;
export const WOODGROVE = 'Woodgrove Bank\n  Contoso Ltd: done — linked';
export const ACME = "Acme;=2+5+cmd|' /C calc'!A0";
export const PROSEWARE = 'Proseware \u202egnp.exe';
export const APP = `Quote ${OSC52}Builder\n  Contoso Ltd: attributed`;
export const FLOWS = [' =1+1', '＝HYPERLINK("http://evil")'];

const HOME = guid('aaaa', 1);
export const hostileTenantId = (n: number) => guid('bad0', n);
const ANA_IN = (n: number) => guid('9e57', n);
const ENVIRONMENT = guid('e0', 31);
const customers = [
  { n: 1, name: FABRIKAM, domain: 'fabrikam.onmicrosoft.com' },
  { n: 2, name: WOODGROVE, domain: 'woodgrove.onmicrosoft.com', mfaRequired: true },
  { n: 3, name: ACME, domain: 'acme.onmicrosoft.com' },
  { n: 4, name: PROSEWARE, domain: 'proseware.onmicrosoft.com' },
];

export const hostileNamesScenario: Scenario = {
  name: 'hostile-names',
  publicClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  clientApps: [{ clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', displayName: 'Microsoft Azure CLI', firstParty: true }],
  tenants: [
    { tenantId: HOME, displayName: 'Northwind Partners', domains: ['northwindpartners.com'], defaultDomain: 'northwindpartners.com' },
    ...customers.map((c) => ({ tenantId: hostileTenantId(c.n), displayName: c.name, domains: [c.domain], defaultDomain: c.domain })),
  ],
  users: [
    {
      username: 'ana@northwindpartners.com',
      displayName: 'Ana Consultant',
      homeTenantId: HOME,
      objectId: guid('0b1ec7', 1),
      memberships: [
        { tenantId: HOME, objectId: guid('0b1ec7', 1) },
        ...customers.map((c) => ({ tenantId: hostileTenantId(c.n), objectId: ANA_IN(c.n), ...(c.mfaRequired ? { mfaRequired: true } : {}) })),
      ],
    },
  ],
  servicePrincipals: [],
  partnerLinks: [],
  partnerNames: { '1234567': 'Northwind Partners' },
  powerPlatform: {
    environments: [{ tenantId: hostileTenantId(3), environmentId: ENVIRONMENT, displayName: `Acme ${OSC52}Production`, sku: 'Production', region: 'westeurope' }],
    apps: [{ environmentId: ENVIRONMENT, appId: guid('a0', 31), displayName: APP, ownerObjectId: ANA_IN(3), coOwnerObjectIds: [], viewerObjectIds: [] }],
    flows: FLOWS.map((displayName, i) => ({ environmentId: ENVIRONMENT, flowId: guid('f0', 31 + i), displayName, creatorObjectId: ANA_IN(3), state: 'Started' as const })),
    workspaces: [],
  },
};
