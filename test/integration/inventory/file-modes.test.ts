import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';

const modeOf = (file: string) => statSync(file).mode & 0o777;
const contoso = { tenantId: '11111111-1111-4111-8111-111111111111', displayName: 'Contoso', defaultDomain: 'contoso.com', cloudId: 'sim' };

/** The data folder, the database and its write-ahead log and shared-memory files, with their modes. */
const modes = (folder: string) => {
  const db = path.join(folder, INVENTORY_FILE);
  return { folder: modeOf(folder), db: modeOf(db), wal: modeOf(`${db}-wal`), shm: modeOf(`${db}-shm`) };
};

describe.skipIf(process.platform === 'win32')('inventory file modes', () => {
  it('creates the data folder for its owner only, and the database, -wal and -shm files readable by nobody else, after a write too', () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'pal-modes-')), 'user-data');
    const inventory = new Inventory(folder);
    inventory.tenants.upsert(contoso);
    expect(modes(folder)).toEqual({ folder: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
    inventory.close();
  });

  it('makes an existing folder and inventory left readable by an older release private when it opens them', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pal-modes-'));
    new Inventory(folder).close();
    const db = path.join(folder, INVENTORY_FILE);
    writeFileSync(`${db}-wal`, '');
    chmodSync(folder, 0o755);
    chmodSync(db, 0o644);
    chmodSync(`${db}-wal`, 0o644);
    const inventory = new Inventory(folder);
    inventory.tenants.upsert(contoso);
    expect(modes(folder)).toEqual({ folder: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
    inventory.close();
  });
});
