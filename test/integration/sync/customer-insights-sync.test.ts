import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { guid, type Scenario, type SimEnvironment } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
const ANA_IN_FABRIKAM = guid('9e57', 2);
const CONTOSO_SP = demoScenario.servicePrincipals.find((s) => s.tenantId === CONTOSO);
const SP_CLIENT = CONTOSO_SP?.clientId ?? '';
const SP_OBJECT = CONTOSO_SP?.objectId ?? '';

/**
 * The demo with more Customer Insights environments: in Fabrikam (where Ana is no Power Platform admin) one whose Dataverse she is a
 * non-interactive user of (accessmode 4), and one she cannot read at all; in Contoso one where the Contoso app is an application user. The Contoso app is registered
 * as a Power Platform management app, and is no application user in Contoso Customer Insights.
 */
const extra: SimEnvironment[] = [
  { tenantId: FABRIKAM, environmentId: guid('e0', 24), displayName: 'Fabrikam Insights', sku: 'Production', region: 'northeurope', dataverse: { customerInsights: true, enabledUserObjectIds: [], otherUsers: [{ objectId: ANA_IN_FABRIKAM, accessMode: 4 }] } },
  { tenantId: FABRIKAM, environmentId: guid('e0', 25), displayName: 'Fabrikam Marketing', sku: 'Production', region: 'northeurope', dataverse: { customerInsights: true, enabledUserObjectIds: [] } },
  {
    tenantId: CONTOSO,
    environmentId: guid('e0', 15),
    displayName: 'Contoso Insights Automation',
    sku: 'Production',
    region: 'westeurope',
    dataverse: { customerInsights: true, enabledUserObjectIds: [], otherUsers: [{ objectId: SP_OBJECT, applicationId: SP_CLIENT }] },
  },
];
const powerPlatform = demoScenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
const scenario: Scenario = {
  ...demoScenario,
  servicePrincipals: demoScenario.servicePrincipals.map((s) => (s.tenantId === CONTOSO ? { ...s, powerPlatformAdmin: true } : s)),
  powerPlatform: { ...powerPlatform, environments: [...powerPlatform.environments, ...extra] },
};

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario });
});
afterAll(async () => {
  await sim.close();
});

type App = Awaited<ReturnType<typeof appFixture>>;
const syncTenant = async (app: App, tenantId: string) => app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [tenantId] })).jobId);
const environment = (app: App, tenantId: string, name: string) => app.services.inventory.powerPlatform.environments(tenantId).find((e) => e.displayName === name);
const ciRow = (app: App, name: string) => app.services.checklist.all().resources.find((r) => r.product === 'customer-insights' && r.name === name);

describe('finding Customer Insights environments and their users', () => {
  it('finds a Customer Insights environment by its installed application package when our account may read the Power Platform API', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    await syncTenant(app, CONTOSO);
    expect(environment(app, CONTOSO, 'Contoso Customer Insights')).toMatchObject({ customerInsights: true, customerInsightsReason: expect.stringContaining('msdyn_CustomerInsightsAnchor, Power Platform API') });
    expect(environment(app, CONTOSO, 'Contoso Production')).toMatchObject({ customerInsights: false, customerInsightsReason: 'No Customer Insights package is installed (Power Platform API).' });
    expect(environment(app, CONTOSO, 'Contoso Sandbox')).toMatchObject({ customerInsights: false, customerInsightsReason: null });
    expect(sim.control.requestLog.some((r) => r.service === 'powerPlatformApi' && r.path.endsWith(`/${guid('e0', 13)}/applicationPackages`) && r.status === 200)).toBe(true);
    expect(ciRow(app, 'Contoso Customer Insights')).toMatchObject({ verdict: 'attributed' });
    await app.services.close();
  });

  it('finds one by its Dataverse solutions when the Power Platform API refuses, reports our non-interactive user there as such, and says unknown, with why, where neither answers', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('fabrikam.onmicrosoft.com');
    await syncTenant(app, FABRIKAM);
    expect(environment(app, FABRIKAM, 'Fabrikam Insights')).toMatchObject({
      customerInsights: true,
      customerInsightsReason: 'Customer Insights is installed (solution msdyn_CustomerInsightsAnchor, read from Dataverse solutions, as the Power Platform API did not answer our accounts).',
    });
    expect(environment(app, FABRIKAM, 'Fabrikam Production')).toMatchObject({ customerInsights: false, customerInsightsReason: expect.stringContaining('No Customer Insights solution is installed') });
    const marketing = environment(app, FABRIKAM, 'Fabrikam Marketing');
    expect(marketing?.customerInsights).toBeNull();
    expect(marketing?.customerInsightsReason).toMatch(/^Whether Fabrikam Marketing has Customer Insights could not be read: the Power Platform API did not answer \(.+\) and neither did Dataverse \(.+\)\. Sync with a Power Platform admin or a user of Fabrikam Marketing\.$/);
    expect(ciRow(app, 'Fabrikam Marketing')).toMatchObject({ verdict: 'unknown', checks: expect.arrayContaining([expect.objectContaining({ id: 'role', status: 'unknown', reason: marketing?.customerInsightsReason })]) });
    expect(app.services.inventory.powerPlatform.dataverseUsers(FABRIKAM).map((u) => [u.environmentId, u.azureObjectId, u.kind])).toEqual([[guid('e0', 24), ANA_IN_FABRIKAM, 'non-interactive']]);
    expect(ciRow(app, 'Fabrikam Insights')?.checks.find((c) => c.id === 'role')).toMatchObject({
      status: 'unknown',
      reason: 'ana@northwindpartners.com is a non-interactive user of Fabrikam Insights, and no account of ours is an interactive user there: Microsoft does not say whether that kind of user counts for Customer Insights.',
    });
    expect(ciRow(app, 'Fabrikam Production')).toBeUndefined();
    await app.services.close();
  });

  it('says a Customer Insights environment whose Dataverse host is not on the cloud\'s list gets no token, instead of blaming our accounts', async () => {
    const app = await appFixture({ ...sim, profile: { ...sim.profile, dataverseHosts: [] } });
    await app.addAndSignIn('contoso.onmicrosoft.com');
    await syncTenant(app, CONTOSO);
    const scope = app.services.inventory.powerPlatform.scopes(CONTOSO).find((s) => s.product === 'customer-insights');
    const host = new URL(sim.instanceUrl(guid('e0', 13))).host;
    expect(scope?.reason).toContain(`Contoso Customer Insights's Dataverse instance (${host}) is not one of Simulated cloud's Dataverse hosts, so PAL Desk sends it no token`);
    expect(scope?.reason).not.toContain('did not let');
    await app.services.close();
  });

  it('tells a service principal that is no application user in an environment to become one, and reports it as an application user where it is one', async () => {
    const app = await appFixture(sim);
    await app.handlers['tenants:add']({ query: 'contoso.onmicrosoft.com' });
    await app.handlers['auth:add-service-principal']({ tenantId: CONTOSO, clientId: SP_CLIENT, clientSecret: CONTOSO_SP?.secret ?? '' });
    await syncTenant(app, CONTOSO);
    const pp = app.services.inventory.powerPlatform;
    expect(pp.dataverseUsers(CONTOSO).map((u) => [u.environmentId, u.azureObjectId, u.kind])).toEqual([[guid('e0', 15), SP_OBJECT, 'application']]);
    const scope = pp.scopes(CONTOSO).find((s) => s.product === 'customer-insights');
    expect(scope).toMatchObject({ scope: 'maker', reason: expect.stringContaining(`Dataverse did not let ${SP_CLIENT} read the users of Contoso Customer Insights: add the app as an application user in that environment`) });
    const automation = ciRow(app, 'Contoso Insights Automation');
    expect(automation?.verdict).toBe('unknown');
    expect(automation?.checks.find((c) => c.id === 'role')?.reason).toBe(
      `${SP_CLIENT} is an application user of Contoso Insights Automation, and no account of ours is an interactive user there: Microsoft does not say whether that kind of user counts for Customer Insights.`,
    );
    await app.services.close();
  });
});
