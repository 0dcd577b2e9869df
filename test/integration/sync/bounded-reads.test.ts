import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppServicesOptions } from '../../../src/main/app-services';
import { AppFailure } from '../../../src/shared/result';
import { startSim, type Faults, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
const BAP = 'Microsoft.BusinessAppPlatform';
const MB = 1024 * 1024;

let sim: RunningSim;
beforeAll(async () => {
  // Power BI answers more than its 5 admin dataset reads a minute here: the tests sync Contoso as a Fabric admin many times.
  const powerPlatform = demoScenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
  sim = await startSim({ scenario: { ...demoScenario, powerPlatform: { ...powerPlatform, adminDatasetsPerMinute: 100 } } });
});
afterEach(() => sim.control.clearFaults());
afterAll(async () => {
  await sim.close();
});

type App = Awaited<ReturnType<typeof appFixture>>;
const syncOf = async (app: App, tenantId: string) => app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [tenantId] })).jobId);
const staleOf = async (app: App, tenantId: string) => (await app.handlers['tenants:list']()).find((t) => t.tenantId === tenantId)?.stale ?? [];

/**
 * A tenant synced once, then synced under `faults` (by the services opened again on the same data folder with `limits`, when
 * given): what the person is told, its facts before and after, the requests made and the memory the process grew by.
 */
async function underFault(first: App, tenantId: string, faults: Faults, limits?: AppServicesOptions['readLimits']) {
  expect((await syncOf(first, tenantId)).counts).toMatchObject({ done: 1, failed: 0 });
  let app = first;
  if (limits) {
    await first.services.close();
    app = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service, partnerId: null, readLimits: limits });
  }
  const facts = () => {
    const pp = app.services.inventory.powerPlatform;
    return { environments: pp.environments(tenantId), flows: pp.flows(tenantId), datasets: pp.datasets(tenantId) };
  };
  const before = facts();
  const requestsBefore = sim.control.requestLog.length;
  const rss = process.memoryUsage().rss;
  sim.control.setFaults(faults);
  const summary = await syncOf(app, tenantId);
  const grown = process.memoryUsage().rss - rss;
  sim.control.clearFaults();
  return { app, summary, before, after: facts(), requests: sim.control.requestLog.length - requestsBefore, grownMb: grown / MB, stale: await staleOf(app, tenantId) };
}

describe('every read is bounded', () => {
  it('stops a Power Platform list that keeps giving a next page at the page cap, keeps the environments and says Power Platform kept giving pages', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const run = await underFault(app, CONTOSO, { next: [{ kind: 'endless', count: 100_000, pathIncludes: BAP }] }, { maxPages: 50 });
    expect(run.summary.counts.failed).toBe(1);
    expect(run.after.environments).toEqual(run.before.environments);
    expect(run.stale.find((f) => f.collector === 'environments')?.message).toBe(
      'Power Platform kept giving more pages for Contoso Ltd after 50; PAL Desk stopped reading there, so this list is incomplete. Try again later.',
    );
    // One environments read, not run again: the list would end the same way at once.
    expect(run.requests).toBeLessThan(120);
    await run.app.services.close();
  });

  it('stops a Power BI list that gives full pages forever at the item cap, with the default caps, before memory grows', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('fabrikam.onmicrosoft.com');
    const run = await underFault(app, FABRIKAM, { next: [{ kind: 'endless', count: 100_000, pathIncludes: '/v1.0/myorg' }] });
    expect(run.summary.counts.failed).toBe(1);
    expect(run.before.datasets).toHaveLength(3);
    expect(run.after.datasets).toEqual(run.before.datasets);
    expect(run.stale).toMatchObject([
      { collector: 'power-bi', message: 'Power BI listed more than 100000 items for Fabrikam Inc; PAL Desk stopped reading there, so this list is incomplete. Try again later.' },
    ]);
    expect(run.requests).toBeLessThan(40);
    expect(run.grownMb).toBeLessThan(400);
    await run.app.services.close();
  }, 60_000);

  it('cuts off a 300 MB answer at the 50 MB cap, keeps the environments and says Power Platform sent too much', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const run = await underFault(app, CONTOSO, { next: [{ kind: 'huge', count: 100, pathIncludes: BAP }] });
    expect(run.summary.counts.failed).toBe(1);
    expect(run.after.environments).toEqual(run.before.environments);
    expect(run.stale.find((f) => f.collector === 'environments')?.message).toBe(
      'Power Platform sent more than 50 MB for Contoso Ltd; PAL Desk stopped reading the answer there. A proxy may be answering instead: check the network, then try again.',
    );
    expect(run.grownMb).toBeLessThan(400);
    await run.app.services.close();
  }, 60_000);

  it('stops a collector that takes longer than its time, keeps its flows and names Power Automate; the other products are saved', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const run = await underFault(app, CONTOSO, { next: [{ kind: 'hang', count: 100, pathIncludes: 'Microsoft.ProcessSimple' }] }, { collectorTimeMs: 2500 });
    expect(run.summary.counts.failed).toBe(1);
    expect(run.before.flows).toHaveLength(5);
    expect(run.after.flows).toEqual(run.before.flows);
    expect(run.after.environments).not.toEqual(run.before.environments);
    expect(run.stale.find((f) => f.collector === 'flows')).toMatchObject({
      code: 'timeout',
      message: 'Power Automate took longer than 3 seconds to give the flows of Contoso Ltd; PAL Desk stopped reading there and keeps the flows of the last sync. Try again later.',
    });
    await run.app.services.close();
  });

  it('stops the environments read when it takes longer than its time, and the apps, flows and Dataverse users that need them say so too', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const run = await underFault(app, CONTOSO, { next: [{ kind: 'hang', count: 100, pathIncludes: BAP }] }, { collectorTimeMs: 2500 });
    expect(run.after.environments).toEqual(run.before.environments);
    const reason = 'Power Platform took longer than 3 seconds to give the environments of Contoso Ltd; PAL Desk stopped reading there and keeps the environments of the last sync. Try again later.';
    for (const collector of ['environments', 'power-apps', 'flows', 'dataverse-users']) {
      expect(run.stale.find((f) => f.collector === collector), collector).toMatchObject({ code: 'timeout', message: reason });
    }
    await run.app.services.close();
  });

  it("stops ARM's tenant list that keeps giving a next page when tenants are discovered, and names Azure", async () => {
    const app = await appFixture(sim, { readLimits: { maxPages: 20 } });
    await app.addAndSignIn('contoso.onmicrosoft.com');
    sim.control.setFaults({ next: [{ kind: 'endless', count: 100_000, pathIncludes: '/tenants' }] });
    const failure: unknown = await app.handlers['tenants:discover']({ tenantId: CONTOSO }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).message).toMatch(/^Azure kept giving more pages for .+ after 20; PAL Desk stopped reading there, so this list is incomplete\. Try again later\.$/);
    await app.services.close();
  });
});
