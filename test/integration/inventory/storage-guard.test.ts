import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { JobRunner } from '../../../src/main/sync/job-runner';

const dir = () => mkdtempSync(path.join(tmpdir(), 'pal-storage-guard-'));
const contoso = { tenantId: '11111111-1111-4111-8111-111111111111', displayName: 'Contoso', defaultDomain: 'contoso.com', cloudId: 'sim' };

describe('the inventory while another connection holds it locked', () => {
  it("skips a writer-lock heartbeat the file refuses instead of throwing from the heartbeat's timer", () => {
    const userData = dir();
    const inv = new Inventory(userData, undefined, { busyTimeoutMs: 50 });
    const attempt = inv.writerLock.tryAcquire({ holder: 'test', pid: process.pid, host: hostname() }, () => false);
    if (!attempt.acquired) throw new Error('The writer lock could not be taken.');
    const locker = new DatabaseSync(path.join(userData, INVENTORY_FILE));
    locker.exec('BEGIN IMMEDIATE');
    expect(() => inv.writerLock.heartbeat({ generation: attempt.generation })).not.toThrow();
    locker.exec('ROLLBACK');
    locker.close();
    inv.close();
  });

  it('ends a job task that waited too long for the file with "another PAL Desk is using this data", not "unexpected error"', async () => {
    const userData = dir();
    const inv = new Inventory(userData, undefined, { busyTimeoutMs: 50 });
    const locker = new DatabaseSync(path.join(userData, INVENTORY_FILE));
    locker.exec('BEGIN IMMEDIATE');
    const runner = new JobRunner(() => {}, (error) => inv.storage.explain(error));
    const job = runner.start('sync', [contoso.tenantId], async () => {
      inv.tenants.upsert(contoso);
      return { status: 'done' };
    }, { concurrency: 1 });
    const summary = await job.done;
    locker.exec('ROLLBACK');
    locker.close();
    inv.close();
    expect(summary.problems).toMatchObject([{ status: 'failed', code: 'inventory-busy', message: expect.stringMatching(/^Another PAL Desk is using this data/) }]);
  });
});
