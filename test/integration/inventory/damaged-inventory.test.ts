import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { inventoryPalStore } from '../../../src/main/pal/pal-store';
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

describe('a damaged inventory', () => {
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
});
