import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../src/main/domain/audit';
import { Inventory } from '../../../src/main/inventory/inventory';
import type { Fence } from '../../../src/main/inventory/writer-lock-repo';

/** Two processes on one data folder, each with its own connection (the app on a laptop paused, then a terminal taking over). */
const APP = { holder: 'The PAL Desk app', pid: 1111, host: 'laptop' };
const CLI = { holder: 'The pal-desk CLI', pid: 2222, host: 'laptop' };
const CONTOSO = '11111111-1111-4111-8111-111111111111';
const intent = { tenantId: CONTOSO, identityId: 'home-1', identity: 'ana@partner.com', action: 'link' as const, before: null, requested: '1234567', actionId: null };
const audit: AuditRecord & { tenantName: string } = {
  tenantId: CONTOSO,
  tenantName: 'Contoso',
  identity: 'ana@partner.com',
  action: 'link',
  before: null,
  after: '1234567',
  outcome: 'linked',
  requestId: 'r-1',
  message: null,
};

function twoProcesses() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-fence-'));
  const app = new Inventory(dir);
  const cli = new Inventory(dir);
  const take = (inv: Inventory, me: typeof APP): Fence => {
    const attempt = inv.writerLock.tryAcquire(me, () => true);
    if (!attempt.acquired) throw new Error('not acquired');
    return { generation: attempt.generation };
  };
  const rows = (table: string) => (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { app, cli, take, rows, close: () => (app.close(), cli.close()) };
}

const LOST = /^Someone else is writing in this data folder \(The pal-desk CLI, process 2222 on laptop, since \d\d:\d\d\) — .*stopped before changing anything more/;

describe('the writer lock fence', () => {
  it('refuses the intent and the audit entry of a holder that lost the lock, naming the process that took it, and records nothing', () => {
    const { app, cli, take, rows, close } = twoProcesses();
    const paused = take(app, APP);
    const taker = take(cli, CLI);
    expect(taker.generation).toBeGreaterThan(paused.generation);

    expect(() => app.intents.begin(paused, intent, 'Contoso')).toThrow(expect.objectContaining({ code: 'writer-lost', message: expect.stringMatching(LOST) }));
    expect(() => app.audit.append(paused, audit)).toThrow(expect.objectContaining({ code: 'writer-lost' }));
    expect(rows('write_intents')).toBe(0);
    expect(rows('audit_log')).toBe(0);

    cli.intents.begin(taker, intent, 'Contoso');
    cli.audit.append(taker, audit);
    expect(rows('write_intents')).toBe(1);
    expect(rows('audit_log')).toBe(1);
    close();
  });

  it('leaves the intent of a write sent before the pause pending, for the holder now to settle by reading the link back', () => {
    const { app, cli, take, rows, close } = twoProcesses();
    const paused = take(app, APP);
    const intentId = app.intents.begin(paused, intent, 'Contoso');
    const taker = take(cli, CLI);

    expect(() => app.intents.settle(paused, intentId, audit)).toThrow(expect.objectContaining({ code: 'writer-lost' }));
    expect(() => app.intents.attachAction(paused, intentId, 'action-1')).toThrow(expect.objectContaining({ code: 'writer-lost' }));
    expect(cli.intents.pending(CONTOSO, 'home-1')).toMatchObject([{ intentId, actionId: null }]);
    expect(rows('audit_log')).toBe(0);

    cli.intents.settle(taker, intentId, audit);
    expect(cli.intents.pending(CONTOSO, 'home-1')).toEqual([]);
    expect(rows('audit_log')).toBe(1);
    close();
  });

  it('never hands out a generation twice, so an old holder stays fenced after the lock was freed and taken again', () => {
    const { app, cli, take, close } = twoProcesses();
    const first = take(app, APP);
    app.writerLock.release(first);
    const second = take(cli, CLI);
    cli.writerLock.release(second);
    expect(second.generation).toBeGreaterThan(first.generation);

    expect(() => app.audit.append(first, audit)).toThrow(expect.objectContaining({ code: 'writer-lost', message: expect.stringMatching(LOST) }));
    const third = take(app, APP);
    expect(third.generation).toBeGreaterThan(second.generation);
    expect(() => app.audit.append(second, audit)).toThrow(expect.objectContaining({ code: 'writer-lost' }));
    app.audit.append(third, audit);
    close();
  });

  it('lets a holder that lost the lock neither keep it alive nor free it', () => {
    const { app, cli, take, close } = twoProcesses();
    const paused = take(app, APP);
    const taker = take(cli, CLI);
    expect(app.writerLock.heartbeat(paused)).toBe(false);
    app.writerLock.release(paused);
    expect(cli.writerLock.current()).toMatchObject({ holder: 'The pal-desk CLI', generation: taker.generation });
    expect(cli.writerLock.heartbeat(taker)).toBe(true);
    close();
  });
});
