import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { SYSTEM_OBJECT_ID } from '../../sim/power-platform-shapes';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
const LITWARE = guid('c0ffee', 6);
const ANA_IN_CONTOSO = guid('9e57', 1);
const ANA_IN_FABRIKAM = guid('9e57', 2);
const CI_ENV = guid('e0', 13);
let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

type App = Awaited<ReturnType<typeof appFixture>>;
const syncTenant = async (app: App, tenantId: string) => app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [tenantId] })).jobId);
const scopesOf = (app: App, tenantId: string) => Object.fromEntries(app.services.inventory.powerPlatform.scopes(tenantId).map((s) => [s.product, s]));

describe('syncing Power Platform facts', () => {
  it('stores every environment, app, flow, dataset and Customer Insights user of a tenant where our account is an admin, with admin scope', async () => {
    const app = await appFixture(sim);
    const { accounts } = await app.addAndSignIn('contoso.onmicrosoft.com');
    const ana = accounts[0]?.identityId;
    expect((await syncTenant(app, CONTOSO)).counts).toMatchObject({ done: 1, failed: 0 });
    const pp = app.services.inventory.powerPlatform;

    expect(pp.environments(CONTOSO).map((e) => [e.displayName, e.sku, e.region, e.customerInsights, e.dataverseUrl !== null])).toEqual([
      ['Contoso (default)', 'Default', 'westeurope', false, false],
      ['Contoso Customer Insights', 'Production', 'westeurope', true, true],
      ['Contoso Production', 'Production', 'westeurope', false, true],
      ['Contoso Sandbox', 'Sandbox', 'westeurope', false, false],
    ]);
    const apps = Object.fromEntries(pp.apps(CONTOSO).map((a) => [a.displayName, a]));
    expect(Object.keys(apps)).toHaveLength(7);
    expect(apps['Customer Service Hub']).toMatchObject({ appType: 'model-driven', ownerObjectId: SYSTEM_OBJECT_ID, environmentId: CI_ENV });
    expect(apps['Partner Portal']).toMatchObject({ appType: 'canvas', ownerObjectId: guid('c5', 1), coOwnerObjectIds: [ANA_IN_CONTOSO, guid('07e4', 1)], solutionAware: false });
    expect(apps['Partner Portal']?.editorEmails).toEqual(['megan@contoso.onmicrosoft.com', 'ana@northwindpartners.com', 'lee@fourthcoffeepartners.com']);
    expect(apps['Inspection Checklist (test)']).toMatchObject({ ownerObjectId: ANA_IN_CONTOSO, environmentId: guid('e0', 14), solutionAware: true });
    expect(apps['Expense Approvals']).toMatchObject({ coOwnerObjectIds: [ANA_IN_CONTOSO] });
    expect(apps['Inspection Checklist']).toMatchObject({ ownerObjectId: ANA_IN_CONTOSO, solutionAware: true });
    const flows = Object.fromEntries(pp.flows(CONTOSO).map((f) => [f.displayName, f]));
    expect(Object.keys(flows)).toHaveLength(5);
    expect(flows['Legacy sync']).toMatchObject({ creatorObjectId: guid('1ef7', 1), state: 'Suspended', solutionAware: false });
    expect(flows['Case routing']).toMatchObject({ creatorObjectId: ANA_IN_CONTOSO, solutionAware: true });
    expect(pp.datasets(CONTOSO).map((d) => [d.workspaceName, d.name, d.configuredBy])).toEqual([
      ['Contoso Finance', 'Budget', 'ANA_northwindpartners.com#EXT#@Contoso.OnMicrosoft.com'],
      ['Contoso HR', 'Headcount', 'hr@contoso.onmicrosoft.com'],
      ['Contoso Sales', 'Finance', 'cfo@contoso.onmicrosoft.com'],
      ['Contoso Sales', 'Pipeline', 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com'],
    ]);
    expect(pp.dataverseUsers(CONTOSO).map((u) => [u.environmentId, u.azureObjectId, u.isDisabled])).toEqual([
      [CI_ENV, ANA_IN_CONTOSO, false],
      [CI_ENV, guid('c5', 1), false],
      [CI_ENV, guid('c5', 3), true],
    ]);
    for (const product of ['environments', 'power-apps', 'power-automate', 'power-bi', 'customer-insights']) {
      expect(scopesOf(app, CONTOSO)[product], product).toMatchObject({ scope: 'admin', identityId: ana, reason: null, seenAt: expect.any(String) });
    }
    expect(pp.apps().length).toBe(7);
    await app.services.close();
  });

  it('gives a maker-only account its own resources with maker scope and a reason naming the account', async () => {
    const app = await appFixture(sim);
    const { accounts } = await app.addAndSignIn('fabrikam.onmicrosoft.com');
    expect((await syncTenant(app, FABRIKAM)).counts).toMatchObject({ done: 1 });
    const pp = app.services.inventory.powerPlatform;
    expect(pp.environments(FABRIKAM).map((e) => e.displayName)).toEqual(['Fabrikam Production', 'Fabrikam Trial']);
    expect(pp.apps(FABRIKAM).map((a) => [a.displayName, a.ownerObjectId, a.coOwnerObjectIds])).toEqual([
      ['Fabrikam Onboarding', ANA_IN_FABRIKAM, []],
      ['Fabrikam Shared Calendar', guid('c5', 21), null],
    ]);
    expect(pp.flows(FABRIKAM).map((f) => [f.displayName, f.creatorObjectId])).toEqual([['Fabrikam welcome mail', ANA_IN_FABRIKAM]]);
    expect(pp.datasets(FABRIKAM).map((d) => d.name)).toEqual(['Returns', 'Sales', 'Stock']);
    const scopes = scopesOf(app, FABRIKAM);
    for (const product of ['environments', 'power-apps', 'power-automate']) {
      expect(scopes[product], product).toMatchObject({
        scope: 'maker',
        identityId: accounts[0]?.identityId,
        reason: 'Only what ana@northwindpartners.com can see: a Power Platform admin sees everything.',
      });
    }
    expect(scopes['power-bi']).toMatchObject({ scope: 'maker', reason: 'Only the workspaces ana@northwindpartners.com is a member of: a Fabric admin sees every dataset.' });
    expect(scopes['customer-insights']).toMatchObject({ scope: 'maker' });
    expect(pp.dataverseUsers(FABRIKAM)).toEqual([]);
    await app.services.close();
  });

  it('records a service principal that Power Platform has not registered as denied, with what the admin must do, and still syncs the tenant', async () => {
    const app = await appFixture(sim);
    await app.handlers['tenants:add']({ query: 'litware.onmicrosoft.com' });
    const sp = demoScenario.servicePrincipals.find((s) => s.tenantId === LITWARE);
    await app.handlers['auth:add-service-principal']({ tenantId: LITWARE, clientId: sp?.clientId ?? '', clientSecret: sp?.secret ?? '' });
    expect((await syncTenant(app, LITWARE)).counts).toMatchObject({ done: 1, failed: 0 });
    const scopes = scopesOf(app, LITWARE);
    expect(scopes.environments).toMatchObject({
      scope: 'denied',
      identityId: `sp:${sp?.clientId}`,
      reason: `${sp?.clientId}: a Power Platform admin must register the app (New-PowerAppManagementApp) before a service principal can read environments.`,
    });
    expect(scopes['power-apps']).toMatchObject({ scope: 'denied', reason: expect.stringMatching(/^Environments could not be read: .*New-PowerAppManagementApp/) });
    expect(scopes['power-automate']).toMatchObject({ scope: 'denied' });
    expect(scopes['power-bi']).toMatchObject({ scope: 'maker', reason: `Only the workspaces ${sp?.clientId} is a member of: a Fabric admin sees every dataset.` });
    expect(app.services.inventory.powerPlatform.environments(LITWARE)).toEqual([]);
    await app.services.close();
  });

  it('keeps the last flows when the flows collector fails, marks only them stale with the reason, and updates the rest', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    await syncTenant(app, CONTOSO);
    const pp = app.services.inventory.powerPlatform;
    const flows = pp.flows(CONTOSO);
    const environmentsSeen = pp.environments(CONTOSO)[0]?.seenAt;

    sim.control.setFaults({ errorRate: 1, errorStatus: 503, ratePathIncludes: 'Microsoft.ProcessSimple' });
    const failed = await syncTenant(app, CONTOSO);
    sim.control.clearFaults();
    expect(failed.counts.failed).toBe(1);
    expect(pp.flows(CONTOSO)).toEqual(flows);
    expect(pp.environments(CONTOSO)[0]?.seenAt).not.toBe(environmentsSeen);
    const [tenant] = await app.handlers['tenants:list']();
    expect(tenant?.stale).toMatchObject([{ collector: 'flows', code: 'service-unavailable', message: expect.stringContaining('Power Automate'), succeededAt: expect.any(String) }]);
    await app.services.close();
  });
});

describe('the Power BI admin datasets limit', () => {
  let limited: RunningSim;
  beforeAll(async () => {
    const powerPlatform = demoScenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
    limited = await startSim({ scenario: { ...demoScenario, powerPlatform: { ...powerPlatform, adminDatasetsPerHour: 1 } } });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('stops calling admin datasets once the sim answers 429 with an hour-long Retry-After, keeping the last datasets marked stale', async () => {
    const app = await appFixture(limited);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    await syncTenant(app, CONTOSO);
    const datasets = app.services.inventory.powerPlatform.datasets(CONTOSO);
    expect(datasets).toHaveLength(4);

    await syncTenant(app, CONTOSO);
    await syncTenant(app, CONTOSO);
    const calls = limited.control.requestLog.filter((r) => r.path === '/v1.0/myorg/admin/datasets').map((r) => r.status);
    expect(calls).toEqual([200, 429]);
    expect(app.services.inventory.powerPlatform.datasets(CONTOSO)).toEqual(datasets);
    const [tenant] = await app.handlers['tenants:list']();
    expect(tenant?.stale).toMatchObject([{ collector: 'power-bi', code: 'throttled', message: expect.stringContaining('about 50 admin dataset reads an hour for Contoso') }]);
    await app.services.close();
  });
});
