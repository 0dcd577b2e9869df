/** A data folder whose inventory holds an audit log filling pages of its own, and a way to damage those pages (storage tests). */
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Inventory } from '../../../src/main/inventory/inventory';
import { inventoryPalStore } from '../../../src/main/pal/pal-store';
import { heldWriterLock } from './held-writer-lock';

export const CONTOSO = { tenantId: '11111111-1111-4111-8111-111111111111', displayName: 'Contoso', defaultDomain: 'contoso.com', cloudId: 'sim' };

/** A new data folder with a partner ID, Contoso and 300 audit entries. */
export function auditedDataFolder(prefix: string): string {
  const userData = mkdtempSync(path.join(tmpdir(), prefix));
  const inv = new Inventory(userData);
  inv.settings.set('partnerId', '1234567');
  inv.tenants.upsert(CONTOSO);
  const fence = heldWriterLock(inv);
  const store = inventoryPalStore(inv, () => fence);
  for (let i = 0; i < 300; i++) {
    store.audit({ tenantId: CONTOSO.tenantId, identity: 'ana', action: 'link', before: null, after: '1234567', outcome: 'linked', requestId: `r-${i}`, message: 'x'.repeat(200) });
  }
  inv.writerLock.release(fence);
  inv.close();
  return userData;
}

/** Overwrites with garbage the root pages of these tables in the inventory file. */
export function damageTables(file: string, tables: readonly string[]): void {
  const db = new DatabaseSync(file, { readOnly: true });
  const marks = tables.map(() => '?').join(', ');
  const roots = db.prepare(`SELECT rootpage FROM sqlite_master WHERE tbl_name IN (${marks}) AND rootpage > 0`).all(...tables) as { rootpage: number }[];
  db.close();
  const fd = openSync(file, 'r+');
  for (const { rootpage } of roots) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (rootpage - 1) * 4096);
  closeSync(fd);
}
