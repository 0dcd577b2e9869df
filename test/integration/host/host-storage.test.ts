import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { auditedDataFolder, damageTables } from '../support/audited-folder';
import type { NoticeView } from '../../../src/shared/ipc-contract';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { startHostChild, type HostChild, type HostEvent } from '../support/host-child';

let sim: RunningSim;
let profileFile: string;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-host-storage-'))));
});
afterAll(async () => {
  await sim.close();
});

/** The host replays its queue every 50 ms and waits 200 ms for a lock: a long lock is many turns, not many seconds. */
const startHost = (userDataDir: string) =>
  startHostChild({ simProfileFile: profileFile, userDataDir, env: { PAL_DESK_QUEUE_RETRY_MS: '50', PAL_DESK_BUSY_TIMEOUT_MS: '200' } });

const notice = (code: string) => (e: HostEvent) => e.event === 'notice' && (e.data as NoticeView).code === code;

describe('the browser host on a busy or damaged inventory', () => {
  /** One host for both: a long lock first, then damage to the file it still holds. */
  let host: HostChild;
  let userData: string;
  beforeAll(async () => {
    userData = auditedDataFolder('pal-host-storage-');
    host = await startHost(userData);
  });
  afterAll(async () => {
    await host.stop();
  });

  it('stays up through a long lock held by another connection: says another PAL Desk is using the data, still answers, and changes again once the lock is gone', async () => {
    const locker = new DatabaseSync(path.join(userData, INVENTORY_FILE), { timeout: 5000 });
    locker.exec('BEGIN IMMEDIATE');

    await host.logged('storage.busy', 3);
    const busy = await host.event(notice('inventory-busy'));
    expect((busy.data as NoticeView).message).toMatch(/^Another PAL Desk is using this data .*tries again/);
    expect(await host.invoke('checklist:summary')).toMatchObject({ ok: true });
    expect(await host.invoke('settings:set-partner-id', { partnerId: '7654321' })).toMatchObject({
      ok: false,
      error: { code: 'inventory-busy', message: expect.stringMatching(/^Another PAL Desk is using this data .*nothing was changed/) },
    });

    locker.exec('ROLLBACK');
    locker.close();
    expect(await host.invoke('settings:set-partner-id', { partnerId: '7654321' })).toMatchObject({ ok: true });
    expect(host.exited()).toBeNull();
  });

  it('stays up when the file it holds is damaged: tells the notice, still answers what reads, refuses changes, and sets nothing aside', async () => {
    const file = path.join(userData, INVENTORY_FILE);
    const settings = await host.invoke('settings:get');
    // The queue is read on every replay turn; the audit log by the Activity page.
    damageTables(file, ['pending_actions', 'audit_log']);
    // Another connection commits a change (as a CLI run would): the host no longer trusts the pages it had read, and its next read finds the damage.
    const other = new DatabaseSync(file, { timeout: 5000 });
    other.exec('PRAGMA user_version = 1');
    other.close();

    const damaged = await host.event(notice('inventory-damaged'));
    expect((damaged.data as NoticeView).message).toMatch(/inventory database is damaged .*Changes are refused until you restart/);
    expect(await host.invoke('notices:list')).toMatchObject({ ok: true, value: [{ code: 'inventory-damaged', level: 'error' }] });
    expect(await host.invoke('settings:get')).toEqual(settings);
    // What reads the damaged pages (the queue, the audit log) answers the damage, in words, not "internal".
    const damagedAnswer = { ok: false, error: { code: 'inventory-damaged', message: expect.stringMatching(/inventory database is damaged/) } };
    expect(await host.invoke('checklist:summary')).toMatchObject(damagedAnswer);
    expect(await host.invoke('audit:list', { limit: 10 })).toMatchObject(damagedAnswer);
    expect(await host.invoke('settings:set-partner-id', { partnerId: '7654321' })).toMatchObject({
      ok: false,
      error: { code: 'inventory-damaged', message: expect.stringMatching(/^Nothing was changed: the inventory database is damaged/) },
    });
    // Forget everything is a change too: refused in words, nothing deleted (a restart sets the damaged file aside).
    expect(await host.invoke('settings:forget-everything', { confirm: 'forget' })).toMatchObject({ ok: false, error: { code: 'inventory-damaged' } });
    expect(readdirSync(userData)).toContain(INVENTORY_FILE);
    expect(host.exited()).toBeNull();
    expect(readdirSync(userData).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  });
});
