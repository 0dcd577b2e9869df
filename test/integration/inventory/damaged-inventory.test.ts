import { closeSync, copyFileSync, mkdtempSync, openSync, readdirSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { inventoryPalStore } from '../../../src/main/pal/pal-store';
import { AppFailure } from '../../../src/shared/result';
import { heldWriterLock } from '../support/held-writer-lock';

const dir = () => mkdtempSync(path.join(tmpdir(), 'pal-damaged-'));
const contoso = { tenantId: '11111111-1111-4111-8111-111111111111', displayName: 'Contoso', defaultDomain: 'contoso.com', cloudId: 'sim' };
const fabrikam = { tenantId: '22222222-2222-4222-8222-222222222222', displayName: 'Fabrikam', defaultDomain: 'fabrikam.com', cloudId: 'sim' };

/** A real inventory with a partner ID and two tenants written first, then an audit log long enough to fill many pages after them. */
function inventoryWithLongAuditLog(userData: string): void {
  const inv = new Inventory(userData);
  inv.settings.set('partnerId', '1234567');
  inv.tenants.upsert(contoso);
  inv.tenants.upsert(fabrikam);
  const fence = heldWriterLock(inv);
  const store = inventoryPalStore(inv, () => fence);
  inv.db.exec('PRAGMA synchronous = OFF');
  for (let i = 0; i < 600; i++) {
    store.audit({ tenantId: contoso.tenantId, identity: 'ana', action: 'link', before: null, after: '1234567', outcome: 'linked', requestId: `r-${i}`, message: 'x'.repeat(200) });
  }
  inv.close();
}

/** Overwrites one page of the audit log with garbage: its table's root page, wherever the schema before it puts that. */
function corruptAuditLogPage(file: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() as { rootpage: number };
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
}

/** Overwrites page `page` (1-based) of the file with garbage. */
function overwritePage(file: string, page: number, pageSize = 4096): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

const setAside = (userData: string) => readdirSync(userData).filter((f) => f.includes('.corrupt-'));

/** The failure `open` throws. */
function failureOf(open: () => unknown): AppFailure {
  try {
    open();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('opened without a failure');
}

describe('a damaged inventory', () => {
  it('still says what happened when the start that set it aside was stopped before the fresh inventory took its place', () => {
    const userData = dir();
    const file = path.join(userData, INVENTORY_FILE);
    inventoryWithLongAuditLog(userData);
    corruptAuditLogPage(file);
    // What a start killed between its two renames leaves: the damaged file aside, the fresh one (built with its notice) beside it.
    const probe = dir();
    copyFileSync(file, path.join(probe, INVENTORY_FILE));
    new Inventory(probe).close();
    renameSync(file, `${file}.corrupt-2026-12-08T03-00-00-000Z`);
    copyFileSync(path.join(probe, INVENTORY_FILE), `${file}.recovering`);

    const inv = new Inventory(userData);
    expect(inv.notices.open()).toMatchObject([{ code: 'inventory-damaged', message: expect.stringMatching(/Recovered: your partner ID and 2 tenants\. The audit log could not be read/) }]);
    expect(inv.tenants.list('1234567').map((t) => t.displayName).sort()).toEqual(['Contoso', 'Fabrikam']);
    expect(readdirSync(userData).filter((f) => f.includes('recovering'))).toEqual([]);
    inv.close();
  });

  it('recovers it again, with one notice, when the start before was stopped while building the fresh inventory', () => {
    const userData = dir();
    const file = path.join(userData, INVENTORY_FILE);
    inventoryWithLongAuditLog(userData);
    corruptAuditLogPage(file);
    writeFileSync(`${file}.recovering`, 'half a database');

    const inv = new Inventory(userData);
    expect(inv.notices.open()).toMatchObject([{ code: 'inventory-damaged', message: expect.stringMatching(/Recovered: your partner ID and 2 tenants\. The audit log could not be read/) }]);
    expect(readdirSync(userData).filter((f) => f.includes('recovering'))).toEqual([]);
    expect(setAside(userData).filter((f) => !/-(wal|shm)$/.test(f))).toHaveLength(1);
    inv.close();
  });

  it('keeps its notice in the fresh inventory across restarts until it is acknowledged', () => {
    const userData = dir();
    writeFileSync(path.join(userData, INVENTORY_FILE), 'garbage bytes, not SQLite '.repeat(300));
    const first = new Inventory(userData);
    const [notice] = first.notices.open();
    expect(notice).toMatchObject({ level: 'warning', code: 'inventory-damaged' });
    expect(notice?.message).toMatch(/nothing could be read.*Set your partner ID again/);
    first.close();

    const second = new Inventory(userData);
    expect(second.notices.open()).toEqual([notice]);
    expect(second.notices.acknowledge(notice?.id ?? 0)).toBe(true);
    expect(second.notices.acknowledge(notice?.id ?? 0)).toBe(false);
    second.close();

    const third = new Inventory(userData);
    expect(third.notices.open()).toEqual([]);
    third.close();
  });

  it('recovers the partner ID and tenants from a file with a corrupted page, and says the audit log could not be read', () => {
    const userData = dir();
    inventoryWithLongAuditLog(userData);
    corruptAuditLogPage(path.join(userData, INVENTORY_FILE));

    const inv = new Inventory(userData);
    expect(inv.settings.get('partnerId')).toBe('1234567');
    expect(inv.tenants.list('1234567').map((t) => t.displayName)).toEqual(['Contoso', 'Fabrikam']);
    const [notice] = inv.notices.open();
    expect(notice?.message).toMatch(/Recovered: your partner ID and 2 tenants\. The audit log could not be read\./);
    expect(notice?.message).toMatch(/kept as inventory\.sqlite\.corrupt-/);
    inv.close();
  });

  it('is not set aside while another PAL Desk has it open, even with its first page overwritten, and is once that one has closed', () => {
    const userData = dir();
    inventoryWithLongAuditLog(userData);
    const file = path.join(userData, INVENTORY_FILE);
    const other = new Inventory(userData);
    overwritePage(file, 1);

    const failure = failureOf(() => new Inventory(userData));
    expect(failure.code).toBe('inventory-damaged');
    expect(failure.message).toMatch(/damaged, and another PAL Desk .* still has it open, so it was not set aside/);
    expect(setAside(userData)).toEqual([]);

    other.close();
    const fresh = new Inventory(userData);
    expect(setAside(userData)).toHaveLength(1);
    expect(fresh.notices.open()).toMatchObject([{ code: 'inventory-damaged', message: expect.stringMatching(/kept as inventory\.sqlite\.corrupt-/) }]);
    fresh.close();
  });

  it('is never set aside when another connection only holds it locked: opening waits, then says another PAL Desk is using it, and nothing is lost', () => {
    const userData = dir();
    inventoryWithLongAuditLog(userData);
    const file = path.join(userData, INVENTORY_FILE);
    const locker = new DatabaseSync(file);
    locker.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');

    const failure = failureOf(() => new Inventory(userData, undefined, { busyTimeoutMs: 100 }));
    expect(failure.code).toBe('inventory-busy');
    expect(failure.message).toMatch(/^Another PAL Desk is using this data .* nothing was changed or set aside/);
    expect(setAside(userData)).toEqual([]);

    locker.close();
    const inv = new Inventory(userData);
    expect(inv.settings.get('partnerId')).toBe('1234567');
    expect(inv.tenants.list('1234567').map((t) => t.displayName)).toEqual(['Contoso', 'Fabrikam']);
    expect(inv.audit.list(1000)).toHaveLength(600);
    expect(inv.notices.open()).toEqual([]);
    inv.close();
  });

  it('starts fresh from an empty (0-byte) file with a kept notice that says so', () => {
    const userData = dir();
    writeFileSync(path.join(userData, INVENTORY_FILE), '');
    const inv = new Inventory(userData);
    expect(inv.notices.open()).toMatchObject([{ level: 'warning', code: 'inventory-empty', message: expect.stringMatching(/inventory file was empty \(0 bytes\).*set your partner ID again/) }]);
    inv.close();
  });
});
