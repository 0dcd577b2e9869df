import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { trackedFolder } from '../support/tracked-folder';
import { runCli, type CliRun } from '../support/cli-runner';
import { writesAndAudit } from '../support/write-invariant';

let sim: RunningSim;
let profileFile: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-writer-'))));
});
afterAll(async () => {
  await sim.close();
});

/** Starts the CLI on a data folder; resolves when it exits. */
const cli = (env: { userDataDir: string; service: string }, ...args: string[]) => runCli({ profileFile, ...env }, args);

/** A signed-in data folder tracking every demo tenant the account reaches, with our links removed from the simulated cloud. */
async function preparedFolder() {
  const app = await trackedFolder(sim, { withoutOurLinks: true });
  return { app, env: { userDataDir: app.userDataDir, service: app.service } };
}

/**
 * Starts `second` the instant the simulated cloud applies the first write of `first` (which then holds the data folder),
 * and slows the rest of `first`'s calls so it still holds it while `second` starts up.
 */
async function overlapping(first: () => Promise<CliRun>, second: () => Promise<CliRun>): Promise<[CliRun, CliRun]> {
  let started: Promise<CliRun> | null = null;
  sim.control.onWrite(() => {
    if (started) return;
    sim.control.setFaults({ writeLatencyMs: 4_000 });
    started = second();
  });
  const one = await first();
  sim.control.onWrite(null);
  sim.control.clearFaults();
  return [one, await (started ?? second())];
}

describe('one writer per data folder', () => {
  it('refuses a second link all while one runs, saying who holds the folder, and with --wait runs after it without writing twice', async () => {
    const { app, env } = await preparedFolder();
    await app.services.close();
    const from = sim.control.writes().length;
    const [first, refused] = await overlapping(
      () => cli(env, 'link', '--all'),
      () => cli(env, 'link', '--all'),
    );
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/The pal-desk CLI \(process \d+ on .+\) has been making changes in this data folder since \d\d:\d\d\. Nothing was changed.*--wait/);
    expect(first.stdout).toMatch(/^3 done/);

    for (const [key, link] of [...sim.control.partnerLinks()]) if (link.partnerId === '1234567') sim.control.partnerLinks().delete(key);
    const [again, waited] = await overlapping(
      () => cli(env, 'link', '--all'),
      () => cli(env, '--wait', 'link', '--all'),
    );
    expect(again.stdout).toMatch(/^3 done/);
    expect(waited.stdout).toMatch(/^3 done/);

    const inv = new Inventory(env.userDataDir);
    const audit = inv.audit.list(100);
    inv.close();
    const writes = sim.control.writes().slice(from);
    expect(writes).toHaveLength(6);
    expect(audit.filter((a) => a.outcome === 'already-linked')).toHaveLength(3);
    const { received, audited } = writesAndAudit(writes, audit);
    expect(audited).toEqual(received);
  }, 120_000);

  it('sends each queued action once when two processes replay the queue at the same time', async () => {
    const { app, env } = await preparedFolder();
    await sim.control.goOffline();
    const signedIn = app.services.tenants.list().filter((t) => t.accounts[0]?.signIn === 'signed-in');
    for (const tenant of signedIn) await app.handlers['pal:link']({ tenantId: tenant.tenantId }).catch(() => undefined);
    await sim.control.goOnline();
    const queued = (await app.handlers['pending:list']()).length;
    expect(queued).toBeGreaterThanOrEqual(3);
    await app.services.close();
    const from = sim.control.writes().length;
    const [one, two] = await overlapping(
      () => cli(env, 'sync'),
      () => cli(env, 'sync'),
    );
    expect([one.code, two.code].every((c) => c === 0 || c === 4)).toBe(true);
    const inv = new Inventory(env.userDataDir);
    const audit = inv.audit.list(100);
    const left = inv.queue.list().filter((a) => a.status === 'queued' || a.status === 'running');
    inv.close();
    const writes = sim.control.writes().slice(from);
    expect(writes).toHaveLength(3);
    expect(new Set(writes.map((w) => w.tenantId)).size).toBe(3);
    const { received, audited } = writesAndAudit(writes, audit);
    expect(audited).toEqual(received);
    expect(left).toEqual([]);
  }, 120_000);
});
