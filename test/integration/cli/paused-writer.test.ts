import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { trackedFolder } from '../support/tracked-folder';
import { resume, runCli, startCli } from '../support/cli-runner';
import { writesAndAudit } from '../support/write-invariant';

let sim: RunningSim;
let profileFile: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-paused-'))));
});
afterAll(async () => {
  await sim.close();
});

/** A writer lock silent for a second counts as abandoned (instead of two minutes), so the test never waits for the clock. */
const SHORT_STALENESS = { PAL_DESK_WRITER_STALE_MS: '1000' };
const PARTNER_LINK = /\/providers\/microsoft\.managementpartner\/partners/i;

/** A signed-in data folder tracking every demo tenant the account reaches, with our links removed from the simulated cloud. */
async function preparedFolder() {
  const app = await trackedFolder(sim, { withoutOurLinks: true });
  await app.services.close();
  return { profileFile, userDataDir: app.userDataDir, service: app.service, env: SHORT_STALENESS };
}

describe('a writer paused past its turn (Ctrl+Z, SIGSTOP, a laptop asleep)', () => {
  it('lets a second link all take over, and resumes into "someone else is writing" without writing any tenant a second time', async () => {
    const folder = await preparedFolder();
    const fromWrite = sim.control.writes().length;
    const fromRequest = sim.control.requestLog.length;

    // The first link all is stopped the instant it asks a tenant for its partner link: it has read "not linked" and would write next.
    let first: ReturnType<typeof startCli> | null = null;
    const paused = new Promise<number>((resolve) =>
      sim.control.onRequest((request) => {
        if (!first || request.method !== 'GET' || !PARTNER_LINK.test(request.path)) return;
        sim.control.onRequest(null);
        process.kill(first.pid, 'SIGSTOP');
        resolve(first.pid);
      }),
    );
    first = startCli(folder, ['link', '--all']);
    const pausedPid = await paused;

    const second = await runCli(folder, ['--wait', 'link', '--all']).finally(() => resume(pausedPid));
    expect(second.stdout).toMatch(/^3 done/);
    const resumed = await first.done;

    const writes = sim.control.writes().slice(fromWrite);
    const perTenant = new Map<string, number>();
    for (const w of writes) perTenant.set(w.tenantId, (perTenant.get(w.tenantId) ?? 0) + 1);
    expect([...perTenant.values()]).toEqual([1, 1, 1]);
    expect(sim.control.requestLog.slice(fromRequest).filter((r) => r.method === 'PUT' && PARTNER_LINK.test(r.path))).toHaveLength(3);

    const inventory = new Inventory(folder.userDataDir);
    const audit = inventory.audit.list(100);
    inventory.close();
    const { received, audited } = writesAndAudit(writes, audit);
    expect(audited).toEqual(received);
    expect(resumed.stdout).toMatch(/someone else is writing in this data folder \(The pal-desk CLI, process \d+ on [^)]+\) — /i);
    expect(resumed.stdout).toMatch(/Or run again with --wait\./);
    expect(resumed.code).toBe(6);
  }, 60_000);
});
