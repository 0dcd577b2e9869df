import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

const FABRIKAM = guid('c0ffee', 2);
const BAP = 'Microsoft.BusinessAppPlatform';

let sim: RunningSim;
let profileFile: string;
let env: { userDataDir: string; service: string };

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-answers-'))));
  const app = await appFixture(sim);
  await app.addAndSignIn('fabrikam.onmicrosoft.com');
  await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [FABRIKAM] })).jobId);
  await app.services.close();
  env = { userDataDir: app.userDataDir, service: app.service };
});
afterEach(() => sim.control.clearFaults());
afterAll(async () => {
  await sim.close();
});

const cli = (...args: string[]) => runCli({ profileFile, ...env }, args);
/** The environments the data folder holds for Fabrikam (read once the CLI has exited). */
const environments = async () => {
  const app = await appFixture(sim, { ...env, partnerId: null });
  const names = app.services.inventory.powerPlatform.environments(FABRIKAM).map((e) => e.displayName);
  await app.services.close();
  return names;
};

describe('the CLI on a network that answers instead of Microsoft', () => {
  it('fails a sync that a captive portal answered, says a sign-in page answered instead of the Power Platform, and keeps the environments', async () => {
    const known = await environments();
    expect(known).toEqual(['Fabrikam Production', 'Fabrikam Trial']);
    sim.control.setFaults({ next: [{ kind: 'portal', count: 1000, pathIncludes: BAP }] });
    const run = await cli('sync');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('A sign-in page or proxy answered instead of Power Platform for Fabrikam Inc: sign in to the network');
    expect(run.stdout).not.toMatch(/1 done/);
    expect(await environments()).toEqual(known);
  });

  it('ends a sync whose Power Platform list keeps giving next pages, with the default caps, and says the list is incomplete', async () => {
    sim.control.setFaults({ next: [{ kind: 'endless', count: 100_000, pathIncludes: BAP }] });
    const from = sim.control.requestLog.length;
    const run = await cli('sync');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Power Platform kept giving more pages for Fabrikam Inc after 1000');
    // The list is read once (the admin list's refusal, then 1,000 pages), not again: it would end the same way at once.
    expect(sim.control.requestLog.slice(from).filter((r) => r.service === 'bap').length).toBeLessThanOrEqual(1001);
    expect(run.ms).toBeLessThan(30_000);
  }, 40_000);
});
