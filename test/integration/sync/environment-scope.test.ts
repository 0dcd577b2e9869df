import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { guid, type PowerPlatformData, type Scenario } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const FABRIKAM = guid('c0ffee', 2);
const ADVENTURE_WORKS = guid('c0ffee', 3);
const ANA_IN_FABRIKAM = guid('9e57', 2);
const NESTOR = guid('c5', 21);
const FABRIKAM_PRODUCTION = guid('e0', 21);
const FABRIKAM_TRIAL = guid('e0', 22);

/** The demo, where Ana is also an environment admin of Fabrikam Production (not a tenant admin), with a few resources beside the demo's. */
const demo = demoScenario.powerPlatform as PowerPlatformData;
const scenario: Scenario = {
  ...demoScenario,
  powerPlatform: {
    ...demo,
    environments: demo.environments.map((e) => (e.environmentId === FABRIKAM_PRODUCTION ? { ...e, environmentAdminObjectIds: [ANA_IN_FABRIKAM] } : e)),
    apps: [
      ...demo.apps,
      { environmentId: FABRIKAM_TRIAL, appId: guid('a1', 1), displayName: 'Trial Tracker', ownerObjectId: ANA_IN_FABRIKAM, coOwnerObjectIds: [], viewerObjectIds: [] },
      { environmentId: FABRIKAM_TRIAL, appId: guid('a1', 2), displayName: 'Trial Budget', ownerObjectId: NESTOR, coOwnerObjectIds: [], viewerObjectIds: [] },
      {
        environmentId: FABRIKAM_PRODUCTION,
        appId: guid('a1', 3),
        displayName: 'Shift Planner',
        ownerObjectId: NESTOR,
        coOwnerObjectIds: [],
        viewerObjectIds: [],
        coOwnerGroups: [{ objectId: guid('6e0', 1), displayName: 'Fabrikam Power Platform Makers' }],
      },
    ],
    flows: [
      ...demo.flows,
      { environmentId: FABRIKAM_PRODUCTION, flowId: guid('f1', 1), displayName: 'Supplier sync', creatorObjectId: NESTOR, state: 'Started', coOwnerObjectIds: [ANA_IN_FABRIKAM] },
      { environmentId: FABRIKAM_PRODUCTION, flowId: guid('f1', 2), displayName: 'Order intake', creatorObjectId: ANA_IN_FABRIKAM, state: 'Started', solution: true },
      { environmentId: FABRIKAM_TRIAL, flowId: guid('f1', 3), displayName: 'Trial reminder', creatorObjectId: NESTOR, state: 'Started' },
    ],
  },
};

let sim: RunningSim;
let app: Awaited<ReturnType<typeof appFixture>>;

beforeAll(async () => {
  sim = await startSim({ scenario });
  app = await appFixture(sim);
  await app.addAndSignIn('fabrikam.onmicrosoft.com');
  await app.addAndSignIn('adventureworks.onmicrosoft.com');
  await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [FABRIKAM, ADVENTURE_WORKS] })).jobId);
}, 60_000);
afterAll(async () => {
  await app.services.close();
  await sim.close();
});

const scopesOf = (tenantId: string) => Object.fromEntries(app.services.inventory.powerPlatform.scopes(tenantId).map((s) => [s.product, s]));
const roleOf = (tenantId: string, name: string) => app.services.checklist.forTenant(tenantId).resources.find((r) => r.name === name)?.checks.find((c) => c.id === 'role');
const served = (path: string) => sim.control.requestLog.filter((r) => r.path === path && r.status === 200).length;

describe('admin scope per environment', () => {
  it('reads the one environment a consultant administers as an admin and the others with her maker view, and names them in each product\'s scope', () => {
    const pp = app.services.inventory.powerPlatform;
    expect(pp.environments(FABRIKAM).map((e) => e.displayName)).toEqual(['Fabrikam Production', 'Fabrikam Trial']);
    for (const product of ['environments', 'power-apps', 'power-automate']) {
      expect(scopesOf(FABRIKAM)[product], product).toMatchObject({
        scope: 'maker',
        reason:
          'Read as an admin in Fabrikam Production. Only what ana@northwindpartners.com can see in Fabrikam Trial: an admin of that environment or a Power Platform admin sees everything.',
      });
    }
    const apps = Object.fromEntries(pp.apps(FABRIKAM).map((a) => [a.displayName, a]));
    // As an admin of Fabrikam Production she reads the permissions of an app she may only view; in Fabrikam Trial she sees only her own.
    expect(apps['Fabrikam Shared Calendar']).toMatchObject({ environmentId: FABRIKAM_PRODUCTION, coOwnerObjectIds: [] });
    expect(Object.keys(apps).sort()).toEqual(['Fabrikam Onboarding', 'Fabrikam Shared Calendar', 'Shift Planner', 'Trial Tracker']);
    expect(served(`/providers/Microsoft.PowerApps/scopes/admin/environments/${FABRIKAM_PRODUCTION}/apps`)).toBeGreaterThan(0);
    expect(served(`/providers/Microsoft.PowerApps/scopes/admin/environments/${FABRIKAM_TRIAL}/apps`)).toBe(0);
    expect(sim.control.requestLog.some((r) => r.path === '/providers/Microsoft.PowerApps/apps' && r.status === 200)).toBe(true);
    const flows = pp.flows(FABRIKAM).map((f) => f.displayName).sort();
    expect(flows).toEqual(['Fabrikam invoice import', 'Fabrikam welcome mail', 'Order intake', 'Supplier sync']);
  });

  it('does not label admin a user who administers no environment: the admin list answers 200 with none, and she reads as a maker', () => {
    expect(served('/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments')).toBeGreaterThanOrEqual(2);
    for (const product of ['environments', 'power-apps', 'power-automate']) {
      expect(scopesOf(ADVENTURE_WORKS)[product], product).toMatchObject({ scope: 'maker', reason: 'Only what ana@northwindpartners.com can see: a Power Platform admin sees everything.' });
    }
    expect(app.services.inventory.powerPlatform.apps(ADVENTURE_WORKS).map((a) => a.displayName)).toEqual(['Bike Configurator']);
  });

  it('brings the solution flows of an administered environment from the admin list', () => {
    const flow = app.services.inventory.powerPlatform.flows(FABRIKAM).find((f) => f.displayName === 'Order intake');
    expect(flow).toMatchObject({ environmentId: FABRIKAM_PRODUCTION, creatorObjectId: ANA_IN_FABRIKAM, solutionAware: true });
    expect(served(`/providers/Microsoft.ProcessSimple/scopes/admin/environments/${FABRIKAM_PRODUCTION}/v2/flows`)).toBeGreaterThan(0);
  });

  it('leaves an app co-owned by a security group unknown, naming the group', () => {
    expect(roleOf(FABRIKAM, 'Shift Planner')).toMatchObject({ status: 'unknown', reason: expect.stringContaining("the security group 'Fabrikam Power Platform Makers'") });
  });

  it('leaves a flow our account owns but did not create unknown, saying why, and still fails one none of ours owns', () => {
    expect(app.services.inventory.powerPlatform.flows(FABRIKAM).find((f) => f.displayName === 'Supplier sync')?.ownerObjectIds).toEqual([NESTOR, ANA_IN_FABRIKAM]);
    expect(roleOf(FABRIKAM, 'Supplier sync')).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/ana@northwindpartners\.com owns it today\..*Set-AdminFlowOwnerRole/) });
    expect(roleOf(FABRIKAM, 'Fabrikam invoice import')).toMatchObject({ status: 'fail' });
  });
});
