import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

let sim: RunningSim;
let profileFile: string;
let env: { userDataDir: string; service: string };

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-bounded-'))));
  const app = await appFixture(sim);
  await app.addAndSignIn('fabrikam.onmicrosoft.com');
  await app.services.close();
  env = { userDataDir: app.userDataDir, service: app.service };
});
afterEach(() => sim.control.clearFaults());
afterAll(async () => {
  await sim.close();
});

const cli = (...args: string[]) => runCli({ profileFile, ...env, env: { PAL_DESK_REQUEST_TIMEOUT_MS: '1500' } }, args);

describe('the CLI never hangs on Azure', () => {
  it('queues a link when ARM never answers, and exits 5 within its request timeout', async () => {
    sim.control.setFaults({ next: [{ kind: 'hang', count: 20, pathIncludes: 'ManagementPartner' }] });
    const run = await cli('link', '--tenant', 'Fabrikam Inc');
    expect(run.code).toBe(5);
    expect(run.stdout).toContain('Fabrikam Inc: queued (ana@northwindpartners.com)');
    expect(run.ms).toBeLessThan(20_000);
  });

  it('queues a link at once with the time Azure gave when it asks to wait an hour, and exits 5', async () => {
    await cli('unlink', '--tenant', 'Fabrikam Inc');
    sim.control.setFaults({ retryAfterSeconds: 3600, next: [{ kind: '429', count: 1, pathIncludes: 'ManagementPartner' }] });
    const run = await cli('link', '--tenant', 'Fabrikam Inc');
    expect(run.code).toBe(5);
    expect(run.stdout).toMatch(/Fabrikam Inc: queued \(ana@northwindpartners\.com\): Azure asked to wait; it is sent after \d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d/);
    expect(run.ms).toBeLessThan(20_000);
    const pending = JSON.parse((await cli('--json', 'status')).stdout) as { pendingActions: number }[];
    expect(pending[0]?.pendingActions).toBe(1);
  });
});
