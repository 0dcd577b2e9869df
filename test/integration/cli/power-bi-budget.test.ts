import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

const CONTOSO = guid('c0ffee', 1);
let sim: RunningSim | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** The app signs in to Contoso and syncs it `times` times on a data folder, then closes; the CLI then works on the same folder. */
async function appSynced(running: RunningSim, times: number) {
  const app = await appFixture(running);
  await app.addAndSignIn('contoso.onmicrosoft.com');
  for (let i = 0; i < times; i++) await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [CONTOSO] })).jobId);
  await app.services.close();
  const { profileFile } = writeSimProfileFile(running, mkdtempSync(path.join(tmpdir(), 'pal-cli-')));
  return { userDataDir: app.userDataDir, cliSync: () => runCli({ profileFile, userDataDir: app.userDataDir, service: app.service }, ['sync', '--tenant', 'contoso.onmicrosoft.com']) };
}

const statuses = (running: RunningSim, api: string) => running.control.requestLog.filter((r) => r.path === `/v1.0/myorg/${api}`).map((r) => r.status);

/** A CLI run starts a process and reads the whole tenant: more than the default 30 s on a busy machine. */
const SLOW = 90_000;

/** What the inventory on the folder says about the Power BI facts: the stale reason, if any. */
function powerBiStale(userDataDir: string) {
  const inventory = new Inventory(userDataDir);
  try {
    return inventory.runs.staleByTenant(CONTOSO).get(CONTOSO)?.find((s) => s.collector === 'power-bi');
  } finally {
    inventory.close();
  }
}

describe('the Power BI admin budget, shared by the app and every CLI run on a data folder', () => {
  it('refuses the admin reads of a CLI sync when the app used up the 5 admin dataset reads of this minute, without calling Power BI, and syncs the rest', async () => {
    sim = await startSim({ scenario: 'demo' });
    const { userDataDir, cliSync } = await appSynced(sim, 5);
    expect(statuses(sim, 'admin/datasets')).toEqual([200, 200, 200, 200, 200]);
    const environmentReads = sim.control.requestLog.length;

    const run = await cliSync();
    expect(run.stdout).toContain('Contoso Ltd: failed — Power BI allows 5 admin dataset reads a minute for Contoso Ltd;');
    expect(statuses(sim, 'admin/groups')).toHaveLength(5);
    expect(statuses(sim, 'admin/datasets')).toHaveLength(5);
    expect(sim.control.requestLog.length).toBeGreaterThan(environmentReads);
    expect(powerBiStale(userDataDir)).toMatchObject({ code: 'throttled', message: expect.stringContaining('Power BI allows 5 admin dataset reads a minute for Contoso') });
  }, SLOW);

  it("holds Contoso's admin calls for a CLI run after Power BI answered the app 429 with an hour-long Retry-After", async () => {
    const powerPlatform = demoScenario.powerPlatform ?? { environments: [], apps: [], flows: [], workspaces: [] };
    sim = await startSim({ scenario: { ...demoScenario, powerPlatform: { ...powerPlatform, adminDatasetsPerHour: 1 } } });
    const { userDataDir, cliSync } = await appSynced(sim, 2);
    expect(statuses(sim, 'admin/datasets')).toEqual([200, 429]);

    await cliSync();
    expect(statuses(sim, 'admin/groups')).toEqual([200, 200]);
    expect(statuses(sim, 'admin/datasets')).toEqual([200, 429]);
    expect(powerBiStale(userDataDir)).toMatchObject({ code: 'throttled', message: expect.stringContaining('about 50 admin dataset reads an hour for Contoso Ltd (5 a minute) and asked to wait') });
  }, SLOW);
});
