import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';
import { WorkPresence } from '../../../src/main/writer/work-presence';

const MINUTE = 60_000;
const THEN = Date.parse('2026-12-08T10:00:00Z');
/** A process id no system hands out (above Linux's largest pid_max), so "gone". */
const GONE_PID = 99_999_999;
const FORGET = 'Nothing was deleted.';

/** One data folder whose clock the test sets; `presence()` is one process's view (this test process). */
function folder() {
  let clock = THEN;
  const inventory = new Inventory(mkdtempSync(path.join(tmpdir(), 'pal-presence-')), () => new Date(clock));
  const presence = () => new WorkPresence({ leases: inventory.workLeases, writerLock: inventory.writerLock, holder: 'The PAL Desk app', now: () => clock });
  const lease = (pid: number, host: string, work = 'sync') => inventory.workLeases.take({ owner: `${host}:${pid}:x`, holder: 'The pal-desk CLI', work, pid, host });
  return { inventory, presence, lease, later: (ms: number) => (clock += ms) };
}

describe('who else works in the data folder ("forget everything" waits for them)', () => {
  it('counts a process on this machine that still runs, however long it has been silent (it may be paused and write when resumed)', () => {
    const { inventory, presence, lease, later } = folder();
    lease(process.ppid, hostname());
    later(60 * MINUTE);
    expect(() => presence().assertNobodyElse(FORGET)).toThrow(
      expect.objectContaining({ code: 'writer-busy', message: expect.stringMatching(new RegExp(`^The pal-desk CLI \\(process ${process.ppid} on .+\\) has been syncing in this data folder since \\d\\d:\\d\\d\\. Nothing was deleted\\.$`)) }),
    );
    inventory.close();
  });

  it('ignores a process on this machine that is gone, and one on another machine silent past the staleness', () => {
    const { inventory, presence, lease, later } = folder();
    lease(GONE_PID, hostname());
    lease(4242, 'another-machine', 'link-all');
    expect(() => presence().assertNobodyElse(FORGET)).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The pal-desk CLI \(process 4242 on another-machine\) has been linking every tenant/) }));
    later(3 * MINUTE);
    expect(() => presence().assertNobodyElse(FORGET)).not.toThrow();
    inventory.close();
  });

  it('counts the writer lock of another process, and never this one\'s own lease', () => {
    const { inventory, presence } = folder();
    const mine = presence();
    const leave = mine.enter('sync');
    expect(() => mine.assertNobodyElse(FORGET)).not.toThrow();
    expect(() => presence().assertNobodyElse(FORGET)).toThrow(expect.objectContaining({ code: 'writer-busy' }));
    leave();
    expect(inventory.workLeases.list()).toEqual([]);

    inventory.writerLock.tryAcquire({ holder: 'The pal-desk CLI', pid: 4242, host: 'another-machine' }, () => false);
    expect(() => mine.assertNobodyElse(FORGET)).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The pal-desk CLI \(process 4242 on another-machine\) has been making changes/) }));
    inventory.close();
  });
});
