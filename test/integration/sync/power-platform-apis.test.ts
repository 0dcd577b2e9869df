import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRef } from '../../../src/main/domain/identity';
import { ClientRegistry } from '../../../src/main/http/client-registry';
import { listEnvironments } from '../../../src/main/powerplatform/bap-api';
import { listSystemUsers } from '../../../src/main/powerplatform/dataverse-api';
import { listFlows } from '../../../src/main/powerplatform/flow-api';
import { listApps } from '../../../src/main/powerplatform/power-apps-api';
import { listWorkspaceDatasets } from '../../../src/main/powerplatform/power-bi-api';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { authFixture } from '../support/auth-fixture';

const CONTOSO = guid('c0ffee', 1);
const CI_ENV = guid('e0', 13);
let sim: RunningSim;
let clients: ClientRegistry;
let ana: IdentityRef;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  const { auth } = authFixture(sim);
  ana = { kind: 'user', id: (await auth.signInInteractive(CONTOSO, 'Contoso')).identityId };
  clients = new ClientRegistry({ cloud: sim.profile, credentialFor: (tenantId, identity, label) => auth.credential(tenantId, identity, label) });
});
afterEach(() => sim.control.clearFaults());
afterAll(async () => {
  await sim.close();
});

const options = (audience: string, base: string) => ({ rest: clients.rest(CONTOSO, ana, audience, 'Contoso'), base, tenantId: CONTOSO, seenAt: '2026-10-01T00:00:00.000Z', signal: new AbortController().signal });
/** Answers the next request whose path contains `path` with 429 Retry-After: 1, and returns how many such 429s the sim sent. */
const throttleOnce = (path: string) => {
  sim.control.setFaults({ retryAfterSeconds: 1, next: [{ kind: '429', count: 1, pathIncludes: path }] });
  return () => sim.control.requestLog.filter((r) => r.path.includes(path) && r.status === 429).length;
};
const requestsTo = (path: string) => sim.control.requestLog.filter((r) => r.path.includes(path) && r.status === 200).length;

describe('Power Platform APIs through the one pipeline', () => {
  it('reads every environment across nextLink pages after a 429 with Retry-After, with type, region and Dataverse URL; BAP leaves Customer Insights open where there is Dataverse', async () => {
    const throttled = throttleOnce('/scopes/admin/environments');
    const environments = await listEnvironments(options(sim.profile.scopes.powerApps, sim.profile.endpoints.bap), 'admin');
    expect(throttled()).toBe(1);
    expect(environments.map((e) => [e.displayName, e.sku, e.region, e.customerInsights])).toEqual([
      ['Contoso (default)', 'Default', 'westeurope', false],
      ['Contoso Production', 'Production', 'westeurope', null],
      ['Contoso Customer Insights', 'Production', 'westeurope', null],
      ['Contoso Sandbox', 'Sandbox', 'westeurope', false],
    ]);
    expect(environments[2]?.dataverseUrl).toBe(sim.instanceUrl(CI_ENV));
  });

  it('retries the apps list after a 429 with Retry-After 1, and every canvas app arrives across pages with its co-owners and type, the custom page left out', async () => {
    const before = requestsTo(`/environments/${CI_ENV}/apps`);
    const throttled = throttleOnce(`/environments/${CI_ENV}/apps`);
    const apps = await listApps(options(sim.profile.scopes.powerApps, sim.profile.endpoints.powerApps), CI_ENV, 'admin');
    expect(throttled()).toBe(1);
    expect(apps.map((a) => [a.displayName, a.appType, a.coOwnerObjectIds, a.solutionAware])).toEqual([
      ['Partner Portal', 'canvas', [guid('9e57', 1), guid('07e4', 1)], false],
      ['Inspection Checklist', 'canvas', [], true],
    ]);
    expect(requestsTo(`/environments/${CI_ENV}/apps`) - before).toBeGreaterThanOrEqual(2 + apps.length);
  });

  it('retries the flows list after a 429 and reads each flow\'s creator and Dataverse workflow id across pages, leaving solution awareness to Dataverse', async () => {
    const throttled = throttleOnce('/v2/flows');
    const flows = await listFlows(options(sim.profile.scopes.flow, sim.profile.endpoints.flow), CI_ENV, 'admin');
    expect(throttled()).toBe(1);
    expect(flows.map((f) => [f.displayName, f.creatorObjectId, f.state, typeof f.workflowEntityId, f.solutionAware])).toEqual([
      ['Legacy sync', guid('1ef7', 1), 'Suspended', 'string', null],
      ['Case routing', guid('9e57', 1), 'Started', 'string', null],
    ]);
  });

  it('pages Power BI workspaces with $top/$skip after a 429 and reads who configured each dataset', async () => {
    const throttled = throttleOnce('/v1.0/myorg/groups');
    const datasets = await listWorkspaceDatasets(options(sim.profile.scopes.powerBi, sim.profile.endpoints.powerBi));
    expect(throttled()).toBe(1);
    expect(datasets.map((d) => [d.workspaceName, d.name, d.configuredBy])).toEqual([
      ['Contoso Sales', 'Pipeline', 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com'],
      ['Contoso Sales', 'Finance', 'cfo@contoso.onmicrosoft.com'],
      ['Contoso HR', 'Headcount', 'hr@contoso.onmicrosoft.com'],
    ]);
  });

  it('follows Dataverse @odata.nextLink pages of systemusers after a 429, disabled users included', async () => {
    const instanceUrl = sim.instanceUrl(CI_ENV);
    const throttled = throttleOnce('/systemusers');
    const users = await listSystemUsers({ ...options(`${instanceUrl}/.default`, instanceUrl), instanceUrl, environmentId: CI_ENV });
    expect(throttled()).toBe(1);
    expect(users.map((u) => [u.azureObjectId, u.isDisabled])).toEqual([
      [guid('9e57', 1), false],
      [guid('c5', 1), false],
      [guid('c5', 3), true],
    ]);
    expect(requestsTo('/systemusers')).toBe(2);
  });
});
