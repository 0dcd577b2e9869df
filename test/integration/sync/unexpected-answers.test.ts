import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/main/logger';
import { startSim, type Faults, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
const BAP = 'Microsoft.BusinessAppPlatform';
const POWER_BI = '/v1.0/myorg';

let sim: RunningSim;
let app: Awaited<ReturnType<typeof appFixture>>;
const logged: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
const log: Logger = {
  info: (event, fields) => logged.push({ level: 'info', event, fields }),
  warn: (event, fields) => logged.push({ level: 'warn', event, fields }),
  error: (event, fields) => logged.push({ level: 'error', event, fields }),
};

beforeAll(async () => {
  // Power BI answers more than its 5 admin dataset reads a minute here: every test syncs twice as a Fabric admin.
  const powerPlatform = demoScenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
  sim = await startSim({ scenario: { ...demoScenario, powerPlatform: { ...powerPlatform, adminDatasetsPerMinute: 100 } } });
});
// A data folder per test: Power BI's admin budget (5 dataset reads a minute) is the folder's.
beforeEach(async () => {
  app = await appFixture(sim, { log });
  await app.addAndSignIn('contoso.onmicrosoft.com');
});
afterEach(async () => {
  sim.control.clearFaults();
  await app.services.close();
});
afterAll(async () => {
  await sim.close();
});

const sync = async () => app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [CONTOSO] })).jobId);
/** What the checklist is made of for Contoso: every product's facts and the scope each was read with. */
const inventory = () => {
  const pp = app.services.inventory.powerPlatform;
  const scopes = pp.scopes(CONTOSO);
  const scope = (product: string) => scopes.find((s) => s.product === product);
  return {
    platform: {
      environments: pp.environments(CONTOSO),
      apps: pp.apps(CONTOSO),
      flows: pp.flows(CONTOSO),
      dataverseUsers: pp.dataverseUsers(CONTOSO),
      scopes: ['environments', 'power-apps', 'power-automate', 'customer-insights'].map(scope),
    },
    powerBi: { datasets: pp.datasets(CONTOSO), scope: scope('power-bi') },
  };
};
const staleOf = async () => (await app.handlers['tenants:list']()).find((t) => t.tenantId === CONTOSO)?.stale ?? [];
/** A clean sync, then one under `faults`: what the person is told, and the inventory before and after. */
async function syncUnder(faults: Faults) {
  expect((await sync()).counts).toMatchObject({ done: 1, failed: 0 });
  const before = inventory();
  sim.control.setFaults(faults);
  const summary = await sync();
  sim.control.clearFaults();
  return { summary, before, after: inventory(), stale: await staleOf() };
}

describe('an answer that is not what the API returns', () => {
  it('keeps the environments, apps, flows and Dataverse users when a captive portal answers instead of the Power Platform, marks them stale and says a sign-in page answered', async () => {
    const { summary, before, after, stale } = await syncUnder({ next: [{ kind: 'portal', count: 1000, pathIncludes: BAP }] });
    expect(summary.counts).toMatchObject({ done: 0, failed: 1 });
    expect(summary.problems[0]?.message).toMatch(/^A sign-in page or proxy answered instead of Power Platform for Contoso Ltd: sign in to the network/);
    expect(before.platform.environments).toHaveLength(4);
    expect(after.platform).toEqual(before.platform);
    expect(stale.map((f) => f.collector).sort()).toEqual(['dataverse-users', 'environments', 'flows', 'power-apps']);
    expect(stale.find((f) => f.collector === 'environments')).toMatchObject({ code: 'service-unavailable', message: expect.stringContaining('A sign-in page or proxy answered instead of Power Platform') });
  });

  it('keeps the datasets when a captive portal answers instead of Power BI, marks only them stale and names Power BI', async () => {
    const { summary, before, after, stale } = await syncUnder({ next: [{ kind: 'portal', count: 1000, pathIncludes: POWER_BI }] });
    expect(summary.counts).toMatchObject({ done: 0, failed: 1 });
    expect(before.powerBi.datasets).toHaveLength(4);
    expect(after.powerBi).toEqual(before.powerBi);
    expect(stale).toMatchObject([{ collector: 'power-bi', message: expect.stringContaining('A sign-in page or proxy answered instead of Power BI for Contoso Ltd') }]);
  });

  it('keeps the environments when a proxy answers 200 with JSON that is not a list, and says the list was not given', async () => {
    const { summary, before, after, stale } = await syncUnder({ next: [{ kind: 'not-a-list', count: 1000, pathIncludes: BAP }] });
    expect(summary.counts.failed).toBe(1);
    expect(after.platform).toEqual(before.platform);
    expect(stale.find((f) => f.collector === 'environments')?.message).toMatch(/^Power Platform answered for Contoso Ltd without the list PAL Desk asked for/);
  });

  it('skips a broken item of a list and logs it without its content, and saves the rest of the tenant', async () => {
    logged.length = 0;
    const { summary, before, after, stale } = await syncUnder({
      next: [
        { kind: 'malformed-item', count: 1000, pathIncludes: BAP },
        { kind: 'malformed-item', count: 1000, pathIncludes: 'Microsoft.PowerApps' },
        { kind: 'malformed-item', count: 1000, pathIncludes: POWER_BI },
      ],
    });
    expect(summary.counts).toMatchObject({ done: 1, failed: 0 });
    expect(stale).toEqual([]);
    expect(after.platform.environments.map((e) => e.environmentId)).toEqual(before.platform.environments.map((e) => e.environmentId));
    expect(after.platform.apps.map((a) => a.appId)).toEqual(before.platform.apps.map((a) => a.appId));
    expect(after.powerBi.datasets.map((d) => d.datasetId)).toEqual(before.powerBi.datasets.map((d) => d.datasetId));
    const skipped = logged.filter((l) => l.event === 'list.items-skipped');
    expect(skipped.map((l) => l.fields?.service)).toEqual(expect.arrayContaining(['Power Platform', 'Power BI']));
    expect(skipped.length).toBeGreaterThan(0);
    for (const line of skipped) expect(line).toMatchObject({ level: 'warn', fields: { skipped: expect.any(Number), tenant: 'Contoso Ltd' } });
    // An environment needs its name: null, 42 and the object without one are all skipped.
    expect(skipped.find((l) => String(l.fields?.path).includes('BusinessAppPlatform'))?.fields?.skipped).toBe(3);
    expect(JSON.stringify(skipped)).not.toContain('No id');
  });
});
