import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

type App = Awaited<ReturnType<typeof appFixture>>;
const syncTenant = async (app: App, tenantId: string) => app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [tenantId] })).jobId);
const powerBiScope = (app: App, tenantId: string) => app.services.inventory.powerPlatform.scopes(tenantId).find((s) => s.product === 'power-bi');
const statusesOf = (path: string) => sim.control.requestLog.filter((r) => r.path === path).map((r) => r.status);

describe('Power BI for an account that is not a Fabric admin', () => {
  it("reads the workspaces Ana is a member of when the admin API answers 401 PowerBINotAuthorizedException, says so in the scope, and keeps her signed in; any other 401 still asks to sign in again", async () => {
    const app = await appFixture(sim);
    const { accounts } = await app.addAndSignIn('fabrikam.onmicrosoft.com');
    expect((await syncTenant(app, FABRIKAM)).counts).toMatchObject({ done: 1, failed: 0, 'needs-sign-in': 0 });

    expect(statusesOf('/v1.0/myorg/admin/groups')).toEqual([401]);
    expect(statusesOf('/v1.0/myorg/admin/datasets')).toEqual([]);
    expect(app.services.inventory.powerPlatform.datasets(FABRIKAM).map((d) => d.name)).toEqual(['Returns', 'Sales', 'Stock']);
    expect(powerBiScope(app, FABRIKAM)).toMatchObject({
      scope: 'maker',
      identityId: accounts[0]?.identityId,
      reason: 'Only the workspaces ana@northwindpartners.com is a member of: a Fabric admin sees every dataset.',
    });
    const [fabrikam] = await app.handlers['tenants:list']();
    expect(fabrikam?.accounts.map((a) => a.signIn)).toEqual(['signed-in']);

    // Contoso's Ana is a Fabric admin; a 401 that does not say PowerBINotAuthorizedException is a sign-in that no longer holds.
    await app.addAndSignIn('contoso.onmicrosoft.com');
    sim.control.setFaults({ errorRate: 1, errorStatus: 401, ratePathIncludes: '/v1.0/myorg/admin/groups' });
    const refused = await syncTenant(app, CONTOSO);
    sim.control.clearFaults();
    expect(refused.counts).toMatchObject({ 'needs-sign-in': 1 });
    expect(powerBiScope(app, CONTOSO)).toBeUndefined();
    expect(app.services.inventory.powerPlatform.datasets(CONTOSO)).toEqual([]);
    await app.services.close();
  });
});
