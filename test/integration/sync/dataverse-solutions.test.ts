import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityRefOf } from '../../../src/main/domain/identity';
import { ClientRegistry } from '../../../src/main/http/client-registry';
import { listApps } from '../../../src/main/powerplatform/power-apps-api';
import { listFlows } from '../../../src/main/powerplatform/flow-api';
import type { ResourceChecklist } from '../../../src/shared/checklist-types';
import { startSim, type RunningSim } from '../../sim';
import { guid, type Scenario } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const FABRIKAM = guid('c0ffee', 2);
const ANA_IN_FABRIKAM = guid('9e57', 2);
const FABRIKAM_PRODUCTION = guid('e0', 21);
const FABRIKAM_TRIAL = guid('e0', 22);
const FABRIKAM_OPERATIONS = guid('e0', 24);
const base = demoScenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };

/**
 * The demo, plus in Fabrikam (where Ana is a maker, not an admin): a model-driven app Ana created and a custom page in Fabrikam
 * Production (Dataverse, Ana is a user there), a flow of hers in a solution there, one in Fabrikam Trial (no Dataverse), and one in
 * Fabrikam Operations, whose Dataverse does not let her in.
 */
const scenario: Scenario = {
  ...demoScenario,
  powerPlatform: {
    ...base,
    environments: [
      ...base.environments,
      { tenantId: FABRIKAM, environmentId: FABRIKAM_OPERATIONS, displayName: 'Fabrikam Operations', sku: 'Production', region: 'northeurope', dataverse: { customerInsights: false, enabledUserObjectIds: [guid('c5', 21)] } },
    ],
    apps: [
      ...base.apps,
      { environmentId: FABRIKAM_PRODUCTION, appId: guid('a0', 41), displayName: 'Field Service Console', ownerObjectId: ANA_IN_FABRIKAM, coOwnerObjectIds: [], viewerObjectIds: [], appType: 'model-driven' },
      { environmentId: FABRIKAM_PRODUCTION, appId: guid('a0', 42), displayName: 'Console page', ownerObjectId: ANA_IN_FABRIKAM, coOwnerObjectIds: [], viewerObjectIds: [], appType: 'custom-page', solution: true },
    ],
    flows: [
      ...base.flows,
      { environmentId: FABRIKAM_PRODUCTION, flowId: guid('f0', 41), displayName: 'Fabrikam order sync', creatorObjectId: ANA_IN_FABRIKAM, state: 'Started', solution: true },
      { environmentId: FABRIKAM_TRIAL, flowId: guid('f0', 42), displayName: 'Trial digest', creatorObjectId: ANA_IN_FABRIKAM, state: 'Started' },
      { environmentId: FABRIKAM_OPERATIONS, flowId: guid('f0', 43), displayName: 'Operations alert', creatorObjectId: ANA_IN_FABRIKAM, state: 'Started' },
    ],
  },
};

let sim: RunningSim;
let app: Awaited<ReturnType<typeof appFixture>>;

beforeAll(async () => {
  sim = await startSim({ scenario });
  app = await appFixture(sim);
  await app.addAndSignIn('fabrikam.onmicrosoft.com');
  expect((await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [FABRIKAM] })).jobId)).counts).toMatchObject({ done: 1, failed: 0 });
}, 60_000);
afterAll(async () => {
  await app.services.close();
  await sim.close();
});

/** A REST client for Ana in Fabrikam, on the audience given, through the app's own sign-in. */
function anaRest(audience: string) {
  const ana = app.services.accounts.accounts(FABRIKAM).find((a) => a.kind === 'user');
  if (!ana) throw new Error('Ana is not signed in to Fabrikam');
  const clients = new ClientRegistry({ cloud: sim.profile, credentialFor: (tenantId, identity, label) => app.services.auth.credential(tenantId, identity, label) });
  return clients.rest(FABRIKAM, identityRefOf(ana), audience, 'Fabrikam');
}

const appsByName = () => new Map(app.services.inventory.powerPlatform.apps(FABRIKAM).map((a) => [a.displayName, a]));
const flowsByName = () => new Map(app.services.inventory.powerPlatform.flows(FABRIKAM).map((f) => [f.displayName, f]));
const solutionCheck = (name: string) => app.services.checklist.forTenant(FABRIKAM).resources.find((r: ResourceChecklist) => r.name === name)?.checks.find((c) => c.id === 'solution');

describe('model-driven apps from Dataverse', () => {
  it('reads a model-driven app from the environment\'s appmodules, owned by the Entra user behind the systemuser who created it, and not in a solution when it is in none', () => {
    expect(appsByName().get('Field Service Console')).toMatchObject({ appType: 'model-driven', ownerObjectId: ANA_IN_FABRIKAM, environmentId: FABRIKAM_PRODUCTION, coOwnerObjectIds: [], solutionAware: false });
    expect(sim.control.requestLog.filter((r) => r.path === '/api/data/v9.2/appmodules' && r.status === 200).length).toBeGreaterThan(0);
  });

  it('no longer takes model-driven apps or custom pages from the Power Apps list as apps', async () => {
    const rest = anaRest(sim.profile.scopes.powerApps);
    const listed = await listApps({ rest, base: sim.profile.endpoints.powerApps, tenantId: FABRIKAM, seenAt: new Date().toISOString(), signal: new AbortController().signal }, FABRIKAM_PRODUCTION, 'maker');
    expect(listed.map((a) => [a.displayName, a.appType])).toEqual([
      ['Fabrikam Onboarding', 'canvas'],
      ['Fabrikam Shared Calendar', 'canvas'],
    ]);
    expect([...appsByName().keys()].filter((name) => ['Field Service Console', 'Console page'].includes(name))).toEqual(['Field Service Console']);
  });
});

describe('flows and solutions', () => {
  it('does not take a flow that carries a workflowEntityId for one in a solution: only its membership of a delivered solution in Dataverse counts', async () => {
    const rest = anaRest(sim.profile.scopes.flow);
    const listed = await listFlows({ rest, base: sim.profile.endpoints.flow, tenantId: FABRIKAM, seenAt: new Date().toISOString(), signal: new AbortController().signal }, FABRIKAM_PRODUCTION, 'maker');
    expect(listed.find((f) => f.displayName === 'Fabrikam welcome mail')?.workflowEntityId).toEqual(expect.any(String));

    expect(flowsByName().get('Fabrikam welcome mail')?.solutionAware).toBe(false);
    expect(solutionCheck('Fabrikam welcome mail')).toMatchObject({ status: 'warn' });
    expect(flowsByName().get('Fabrikam order sync')?.solutionAware).toBe(true);
    expect(solutionCheck('Fabrikam order sync')).toMatchObject({ status: 'pass' });
  });

  it('says unknown, and why, where Dataverse cannot be read or the environment has none', () => {
    expect(flowsByName().get('Operations alert')?.solutionAware).toBeNull();
    expect(solutionCheck('Operations alert')).toMatchObject({ status: 'unknown', reason: expect.stringContaining("could not read the solutions in Fabrikam Operations's Dataverse") });
    expect(flowsByName().get('Trial digest')?.solutionAware).toBeNull();
    expect(solutionCheck('Trial digest')).toMatchObject({ status: 'unknown', reason: expect.stringContaining('Fabrikam Trial has no Dataverse') });
    const apps = app.services.inventory.powerPlatform.scopes(FABRIKAM).find((s) => s.product === 'power-apps');
    expect(apps).toMatchObject({ scope: 'maker', reason: expect.stringContaining('Dataverse in Fabrikam Operations did not let ana@northwindpartners.com read its solutions') });
  });
});
