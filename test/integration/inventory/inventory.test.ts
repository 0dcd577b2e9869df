import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { openDatabase } from '../../../src/main/inventory/open-inventory';
import { MIGRATIONS } from '../../../src/main/inventory/migrations';
import { inventoryPalStore } from '../../../src/main/pal/pal-store';
import { heldWriterLock } from '../support/held-writer-lock';

const dir = () => mkdtempSync(path.join(tmpdir(), 'pal-inv-'));
/** The lease owner of claims made in these tests. */
const ME = `${hostname()}:${process.pid}`;
const contoso = { tenantId: '11111111-1111-4111-8111-111111111111', displayName: 'Contoso', defaultDomain: 'contoso.com', cloudId: 'sim' };
const fabrikam = { tenantId: '22222222-2222-4222-8222-222222222222', displayName: 'Fabrikam', defaultDomain: 'fabrikam.com', cloudId: 'sim' };
const user = { identityId: 'home-1', kind: 'user' as const, homeAccountId: 'home-1', clientId: null, username: 'ana@partner.com', displayName: 'Ana' };
const link = (partnerId: string) => ({ partnerId, partnerName: 'Partner', objectId: 'oid-1', tenantId: contoso.tenantId, state: 'Active', etag: 1, createdTime: null, updatedTime: null });

describe('inventory database', () => {
  it('lists the same tenants, identities and link observations after a restart', () => {
    const userData = dir();
    const first = new Inventory(userData);
    first.tenants.upsert(contoso);
    first.tenants.upsert(fabrikam);
    first.accounts.attach(contoso.tenantId, user, 'oid-1', 'signed-in');
    first.links.record({ tenantId: contoso.tenantId, identityId: 'home-1', objectId: 'oid-1', link: link('1234567') });
    first.close();

    const second = new Inventory(userData);
    const tenants = second.tenants.list('1234567');
    expect(tenants.map((t) => t.displayName)).toEqual(['Contoso', 'Fabrikam']);
    expect(tenants[0]).toMatchObject({ accounts: [{ username: 'ana@partner.com', objectId: 'oid-1', signIn: 'signed-in', isDefault: true }], pal: { status: 'linked', partnerId: '1234567' } });
    expect(tenants[1]).toMatchObject({ accounts: [], pal: { status: 'unknown', seenAt: null } });
    second.close();
  });

  it('tells a link to another partner apart from ours, and a removed link from none', () => {
    const inv = new Inventory(dir());
    inv.tenants.upsert(contoso);
    inv.accounts.attach(contoso.tenantId, user, 'oid-1', 'signed-in');
    inv.links.record({ tenantId: contoso.tenantId, identityId: 'home-1', objectId: 'oid-1', link: link('7654321') });
    expect(inv.tenants.get(contoso.tenantId, '1234567')?.pal.status).toBe('other-partner');
    inv.links.record({ tenantId: contoso.tenantId, identityId: 'home-1', objectId: 'oid-1', link: { ...link('7654321'), state: 'Deleted' } });
    expect(inv.tenants.get(contoso.tenantId, '1234567')?.pal).toMatchObject({ status: 'not-linked', partnerId: null });
    inv.close();
  });

  it('applies each migration once and records its checksum', () => {
    const userData = dir();
    new Inventory(userData).close();
    new Inventory(userData).close();
    const db = new DatabaseSync(path.join(userData, INVENTORY_FILE));
    const rows = db.prepare('SELECT version, checksum FROM schema_migrations').all();
    expect(rows).toHaveLength(MIGRATIONS.length);
    expect(String(rows[0]?.checksum)).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('refuses to start when an applied migration was changed, leaving the data untouched', () => {
    const file = path.join(dir(), 'inv.sqlite');
    openDatabase(file).db.close();
    const changed = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => openDatabase(file, { migrations: changed })).toThrow(/different build of PAL Desk/);
  });

  it('moves a damaged database aside with a kept notice and starts a fresh one', () => {
    const userData = dir();
    writeFileSync(path.join(userData, INVENTORY_FILE), 'this is not a database, just garbage bytes '.repeat(200));
    const inv = new Inventory(userData);
    expect(inv.notices.open()).toMatchObject([{ code: 'inventory-damaged', message: expect.stringMatching(/damaged.*kept as inventory\.sqlite\.corrupt-/) }]);
    expect(inv.tenants.list(null)).toEqual([]);
    expect(readdirSync(userData).some((f) => f.startsWith(`${INVENTORY_FILE}.corrupt-`))).toBe(true);
    inv.close();
  });

  it('keeps the audit log append-only: updates and deletes are refused', () => {
    const inv = new Inventory(dir());
    const fence = heldWriterLock(inv);
    inventoryPalStore(inv, () => fence).audit({ tenantId: contoso.tenantId, identity: 'ana', action: 'link', before: null, after: '1', outcome: 'linked', requestId: 'r1', message: null });
    expect(() => inv.db.exec("UPDATE audit_log SET outcome = 'forged'")).toThrow(/append-only/);
    expect(() => inv.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(inv.audit.list(10)).toHaveLength(1);
    inv.close();
  });

  it('removes a tenant with all its data but keeps its audit entries', () => {
    const inv = new Inventory(dir());
    inv.tenants.upsert(contoso);
    inv.accounts.attach(contoso.tenantId, user, 'oid-1', 'signed-in');
    inv.links.record({ tenantId: contoso.tenantId, identityId: 'home-1', objectId: 'oid-1', link: link('1234567') });
    inv.queue.enqueue({ tenantId: contoso.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    const fence = heldWriterLock(inv);
    inventoryPalStore(inv, () => fence).audit({ tenantId: contoso.tenantId, identity: 'ana', action: 'link', before: null, after: '1234567', outcome: 'linked', requestId: null, message: null });
    inv.tenants.remove(contoso.tenantId);
    for (const table of ['tenant_accounts', 'pal_links', 'pending_actions']) {
      expect(inv.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n, table).toBe(0);
    }
    expect(inv.audit.list(10)).toHaveLength(1);
    inv.close();
  });
});

describe('offline queue storage', () => {
  const setup = () => {
    const userData = dir();
    const inv = new Inventory(userData);
    inv.tenants.upsert(contoso);
    inv.tenants.upsert(fabrikam);
    return { inv, userData };
  };

  it('queues the same action once however often it is asked for', () => {
    const { inv } = setup();
    const a = inv.queue.enqueue({ tenantId: contoso.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    const b = inv.queue.enqueue({ tenantId: contoso.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    expect(b).toBe(a);
    expect(inv.queue.list()).toHaveLength(1);
    inv.close();
  });

  it('puts an action left running by a process that is gone back in the queue, and leaves a live lease alone', () => {
    const { inv, userData } = setup();
    inv.queue.enqueue({ tenantId: contoso.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    inv.queue.enqueue({ tenantId: fabrikam.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    expect(inv.queue.claimNext('gone-host:1', 60_000)).not.toBeNull();
    expect(inv.queue.claimNext(ME, 60_000)).not.toBeNull();
    expect(inv.queue.list().map((a) => a.status)).toEqual(['running', 'running']);
    inv.close();
    const reopened = new Inventory(userData);
    expect(reopened.queue.recoverAbandoned((owner) => owner !== ME)).toBe(1);
    expect(reopened.queue.list()).toMatchObject([
      { tenantId: contoso.tenantId, status: 'queued', attempts: 1 },
      { tenantId: fabrikam.tenantId, status: 'running' },
    ]);
    reopened.close();
  });

  it('holds an action Azure asked to wait for until that time, and reclaims a lease that ran out', () => {
    let now = new Date('2026-11-24T10:00:00.000Z');
    const inv = new Inventory(dir(), () => now);
    inv.tenants.upsert(contoso);
    inv.queue.enqueue({ tenantId: contoso.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null }, '2026-11-24T11:00:00.000Z');
    expect(inv.queue.claimNext(ME, 60_000)).toBeNull();
    expect(inv.queue.list()[0]).toMatchObject({ status: 'queued', notBefore: '2026-11-24T11:00:00.000Z' });
    now = new Date('2026-11-24T11:00:00.000Z');
    expect(inv.queue.claimNext(ME, 60_000)).not.toBeNull();
    expect(inv.queue.recoverAbandoned(() => false)).toBe(0);
    now = new Date('2026-11-24T11:02:00.000Z');
    expect(inv.queue.recoverAbandoned(() => false)).toBe(1);
    inv.close();
  });

  it('hands out the least recently touched action first, so a requeued one goes to the back', () => {
    const { inv } = setup();
    const first = inv.queue.enqueue({ tenantId: contoso.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    const second = inv.queue.enqueue({ tenantId: fabrikam.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    expect(inv.queue.claimNext(ME, 60_000)?.id).toBe(first);
    inv.queue.requeue(first, 'Waiting for sign-in');
    expect(inv.queue.claimNext(ME, 60_000)?.id).toBe(second);
    expect(inv.queue.claimNext(ME, 60_000)?.id).toBe(first);
    expect(inv.queue.claimNext(ME, 60_000)).toBeNull();
    inv.close();
  });

  it('marks the action done in the same transaction as its audit entry', () => {
    const { inv } = setup();
    const id = inv.queue.enqueue({ tenantId: contoso.tenantId, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null });
    inv.queue.claimNext(ME, 60_000);
    const fence = heldWriterLock(inv);
    inventoryPalStore(inv, () => fence).audit({ tenantId: contoso.tenantId, identity: 'ana', action: 'link', before: null, after: '1234567', outcome: 'linked', requestId: 'r', message: null }, id);
    expect(inv.queue.list()).toEqual([]);
    expect(inv.audit.list(5)[0]).toMatchObject({ outcome: 'linked', tenantName: 'Contoso' });
    inv.close();
  });
});
