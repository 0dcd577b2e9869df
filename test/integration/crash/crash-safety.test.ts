import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { trackedFolder } from '../support/tracked-folder';
import { writesAndAudit } from '../support/write-invariant';

const projectDir = path.resolve(import.meta.dirname, '../../..');
let sim: RunningSim;
let profileFile: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-crash-'))));
});
afterAll(async () => {
  await sim.close();
});

/** A signed-in inventory tracking every customer tenant the demo account can reach. */
async function preparedInventory() {
  const app = await trackedFolder(sim);
  await app.services.close();
  return { userDataDir: app.userDataDir, service: app.service };
}

/** Runs the child; with `killAfter`, SIGKILLs it as soon as it printed that many lines; with `killAtWrite`, the instant the simulated cloud applies its write number `killAtWrite`. Returns the lines it printed. */
function runChild(env: { userDataDir: string; service: string }, mode: string, killAfter?: number, killAtWrite?: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/support/crash-child.ts', env.userDataDir, env.service, profileFile, mode], {
      cwd: projectDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let seen = 0;
    if (killAtWrite !== undefined) sim.control.onWrite(() => void (++seen === killAtWrite && child.kill('SIGKILL')));
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (killAfter !== undefined && lines.length >= killAfter) child.kill('SIGKILL');
    });
    child.on('exit', () => {
      sim.control.onWrite(null);
      resolve(lines);
    });
  });
}

const quickCheck = (userDataDir: string) => {
  const db = new DatabaseSync(path.join(userDataDir, INVENTORY_FILE));
  const result = db.prepare('PRAGMA quick_check').get();
  db.close();
  return result?.quick_check;
};

describe('crash safety (SIGKILL)', () => {
  it('a sync killed mid-way leaves a consistent inventory with every finished tenant saved', async () => {
    const env = await preparedInventory();
    const lines = await runChild(env, 'sync', 1);
    expect(lines.at(-1)).not.toBe('finished');
    expect(quickCheck(env.userDataDir)).toBe('ok');
    const inv = new Inventory(env.userDataDir);
    const done = lines.filter((l) => l.startsWith('done ')).map((l) => l.slice(5));
    for (const tenantId of done) expect(inv.tenants.get(tenantId, '1234567')?.lastSyncedAt, tenantId).not.toBeNull();
    inv.close();
    expect((await runChild(env, 'sync')).at(-1)).toBe('finished');
  });

  it('a queued link replay killed mid-way loses nothing, and finishing it writes each link once and audits it once', async () => {
    const env = await preparedInventory();
    const queued = (await runChild(env, 'enqueue')).filter((l) => l.startsWith('queued '));
    expect(queued.length).toBe(6);
    const putsBefore = sim.control.requestLog.filter((r) => r.method === 'PUT' || r.method === 'PATCH').length;

    const killed = await runChild(env, 'replay', 1);
    expect(killed).toEqual(['progress']);
    expect(quickCheck(env.userDataDir)).toBe('ok');
    const rest = await runChild(env, 'replay');
    expect(rest.at(-1)).toBe('finished');

    const inv = new Inventory(env.userDataDir);
    const audit = inv.audit.list(100);
    const perTenant = new Map<string, number>();
    for (const a of audit) perTenant.set(a.tenantId, (perTenant.get(a.tenantId) ?? 0) + 1);
    const settled = inv.queue.list();
    inv.close();
    const writes = sim.control.requestLog.filter((r) => r.method === 'PUT' || r.method === 'PATCH').length - putsBefore;
    expect(audit.map((a) => `${a.tenantName}: ${a.outcome}`).sort()).toEqual(['Contoso Ltd: already-linked', 'Fabrikam Inc: linked', 'Wide World Importers: linked']);
    expect([...perTenant.values()]).toEqual([1, 1, 1]);
    expect(writes).toBe(audit.filter((a) => a.outcome === 'linked' || a.outcome === 'replaced').length);
    expect(settled.every((a) => a.status === 'needs-confirmation' || a.status === 'queued')).toBe(true);
  });

  it('link all killed right after a write, again and again, still ends with every write the tenants received audited exactly once', async () => {
    const env = await preparedInventory();
    for (const key of [...sim.control.partnerLinks().keys()]) if (sim.control.partnerLinks().get(key)?.partnerId === '1234567') sim.control.partnerLinks().delete(key);
    const from = sim.control.writes().length;
    for (const killAt of [1, 1]) {
      const lines = await runChild(env, 'link-all', undefined, killAt);
      expect(lines.at(-1)).not.toBe('finished');
      expect(quickCheck(env.userDataDir)).toBe('ok');
    }
    expect((await runChild(env, 'link-all')).at(-1)).toBe('finished');
    expect((await runChild(env, 'sync')).at(-1)).toBe('finished');
    const inv = new Inventory(env.userDataDir);
    const audit = inv.audit.list(100);
    const queue = inv.queue.list();
    inv.close();
    const writes = sim.control.writes().slice(from);
    expect(writes.length).toBeGreaterThanOrEqual(3);
    const { received, audited } = writesAndAudit(writes, audit);
    expect(audited).toEqual(received);
    expect(queue.filter((a) => a.status === 'queued' || a.status === 'running')).toEqual([]);
  });
});
