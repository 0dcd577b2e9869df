import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim, type Scenario } from '../../sim';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const HOME = guid('aaaa', 1);
const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
/** The partner's own multi-tenant app: in its home tenant and approved in Contoso only. */
const FIRM_APP = guid('a4401', 1);
/** An app registered for the partner's own tenant only (not multi-tenant). */
const SINGLE_TENANT_APP = guid('a4401', 2);

/** The demo, where Power BI never preauthorized the default first-party client (AADSTS65002), plus the partner's own apps. */
const scenario: Scenario = {
  ...demoScenario,
  name: 'sign-in-apps',
  clientApps: [
    { clientId: demoScenario.publicClientId, displayName: 'Microsoft Azure CLI', firstParty: true, refusedResources: ['powerBi'] },
    { clientId: FIRM_APP, displayName: 'Northwind PAL Desk', multiTenant: true, tenantIds: [HOME, CONTOSO] },
    { clientId: SINGLE_TENANT_APP, displayName: 'Northwind internal tool', tenantIds: [HOME] },
  ],
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
const scopesOf = (app: App, tenantId: string) => Object.fromEntries(app.services.inventory.powerPlatform.scopes(tenantId).map((s) => [s.product, s]));

/** The app restarted with `clientId` saved as its sign-in application. */
async function appWithClient(clientId: string): Promise<App> {
  const first = await appFixture(sim);
  await first.handlers['settings:set-client-id']({ clientId });
  await first.services.close();
  return appFixture(sim, { userDataDir: first.userDataDir, service: first.service });
}

describe('sign-in apps Microsoft refuses, and the firm’s own app', () => {
  it('syncs everything but Power BI when Power BI refuses the default first-party app (AADSTS65002), and Power BI’s scope says what to do', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    expect((await syncTenant(app, CONTOSO)).counts).toMatchObject({ done: 1, failed: 0, 'needs-sign-in': 0 });
    const pp = app.services.inventory.powerPlatform;
    expect(pp.apps(CONTOSO)).toHaveLength(7);
    expect(pp.flows(CONTOSO)).toHaveLength(5);
    const scopes = scopesOf(app, CONTOSO);
    for (const product of ['environments', 'power-apps', 'power-automate', 'customer-insights']) expect(scopes[product], product).toMatchObject({ scope: 'admin', reason: null });
    expect(pp.datasets(CONTOSO)).toEqual([]);
    expect(scopes['power-bi']).toMatchObject({ scope: 'denied' });
    const reason = scopes['power-bi']?.reason ?? '';
    expect(reason).toContain("PAL Desk's default sign-in app (a Microsoft first-party app) is not allowed to call Power BI in Contoso Ltd");
    expect(reason).toContain("register your firm's own app (Settings → Sign-in application) and sign in again");
    expect(reason).not.toMatch(/adminconsent|failed unexpectedly/);
    await app.services.close();
  });

  it('reads Power BI too with the firm’s own app, whose tokens name it', async () => {
    const app = await appWithClient(FIRM_APP);
    const { accounts } = await app.addAndSignIn('contoso.onmicrosoft.com');
    expect((await syncTenant(app, CONTOSO)).counts).toMatchObject({ done: 1 });
    expect(app.services.inventory.powerPlatform.datasets(CONTOSO)).toHaveLength(4);
    expect(scopesOf(app, CONTOSO)['power-bi']).toMatchObject({ scope: 'admin' });
    const token = await app.services.auth.getToken(CONTOSO, { kind: 'user', id: accounts[0]?.identityId ?? '' }, sim.profile.scopes.powerBi, 'Contoso');
    expect(JSON.parse(Buffer.from(token.token.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({ appid: FIRM_APP, app_displayname: 'Northwind PAL Desk' });
    await app.services.close();
  });

  it('gives the admin-consent link of the firm’s app for that customer when its admin has not approved it (AADSTS65001)', async () => {
    const app = await appWithClient(FIRM_APP);
    const tenant = await app.handlers['tenants:add']({ query: 'fabrikam.onmicrosoft.com' });
    const failure = await app.handlers['auth:sign-in']({ tenantId: tenant.tenantId }).catch((e: unknown) => e);
    const link = `${sim.profile.endpoints.authorityHost}/${FABRIKAM}/adminconsent?client_id=${FIRM_APP}`;
    expect(failure).toMatchObject({ code: 'consent-required', detail: { adminConsentUrl: link } });
    expect((failure as Error).message).toContain(`Your sign-in app (${FIRM_APP}) is not approved in fabrikam.onmicrosoft.com. Send this admin-consent link to the customer's admin: ${link}`);
    await app.services.close();
  });

  it('says an app not registered in the customer’s directory (AADSTS700016) must be multi-tenant and approved there', async () => {
    const app = await appWithClient(SINGLE_TENANT_APP);
    const tenant = await app.handlers['tenants:add']({ query: 'contoso.onmicrosoft.com' });
    const failure = await app.handlers['auth:sign-in']({ tenantId: tenant.tenantId }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'app-not-found-in-tenant' });
    const message = (failure as Error).message;
    expect(message).toContain(`Your sign-in app (${SINGLE_TENANT_APP}) is not registered in contoso.onmicrosoft.com's directory`);
    expect(message).toContain('Settings → Sign-in application');
    expect(message).toContain('multi-tenant');
    expect(message).toContain(`${sim.profile.endpoints.authorityHost}/${CONTOSO}/adminconsent?client_id=${SINGLE_TENANT_APP}`);
    await app.services.close();
  });
});

describe('a Dataverse that refuses the default first-party app (AADSTS65002)', () => {
  it('keeps the tenant’s other products and says for Customer Insights what to do', async () => {
    const refusing = await startSim({
      scenario: { ...demoScenario, name: 'dataverse-refuses', clientApps: [{ clientId: demoScenario.publicClientId, displayName: 'Microsoft Azure CLI', firstParty: true, refusedResources: ['dataverse'] }] },
    });
    try {
      const app = await appFixture(refusing);
      await app.addAndSignIn('contoso.onmicrosoft.com');
      expect((await syncTenant(app, CONTOSO)).counts).toMatchObject({ done: 1, failed: 0 });
      const scopes = scopesOf(app, CONTOSO);
      for (const product of ['environments', 'power-automate', 'power-bi']) expect(scopes[product], product).toMatchObject({ scope: 'admin' });
      // Model-driven apps live in Dataverse: without it the apps are the canvas apps only, and the scope says why.
      expect(scopes['power-apps']).toMatchObject({ scope: 'maker', reason: expect.stringContaining('is not allowed to call Dataverse in Contoso Ltd') });
      expect(app.services.inventory.powerPlatform.datasets(CONTOSO)).toHaveLength(4);
      expect(scopes['customer-insights']).toMatchObject({ scope: 'denied' });
      expect(scopes['customer-insights']?.reason).toContain("PAL Desk's default sign-in app (a Microsoft first-party app) is not allowed to call Dataverse in Contoso Ltd: register your firm's own app");
      await app.services.close();
    } finally {
      await refusing.close();
    }
  });
});
