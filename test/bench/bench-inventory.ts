/** Inventory open time: a 200-tenant / 50k-row database opened from disk and its tenant list read, as the app does at start. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { guid } from '../sim/scenario';
import { Inventory } from '../../src/main/inventory/inventory';
import { inTransaction } from '../../src/main/inventory/transaction';

export function fillInventory(userDataDir: string, tenants: number, rows: number): void {
  const inv = new Inventory(userDataDir);
  const perTenant = Math.floor(rows / tenants);
  inTransaction(inv.db, () => {
    for (let n = 1; n <= tenants; n++) {
      const tenantId = guid('c0ffee', n);
      inv.tenants.upsert({ tenantId, displayName: `Customer ${n}`, defaultDomain: `customer${n}.onmicrosoft.com`, cloudId: 'sim' });
      inv.accounts.attach(tenantId, { identityId: 'home', kind: 'user', homeAccountId: 'home', clientId: null, username: 'ana@northwindpartners.com', displayName: 'Ana' }, guid('9e57', n), 'signed-in');
      for (let i = 0; i < perTenant; i++) {
        inv.links.record({ tenantId, identityId: 'home', objectId: guid('9e57', n), link: { partnerId: i % 2 ? '1234567' : '7654321', partnerName: null, objectId: guid('9e57', n), tenantId, state: 'Active', etag: i, createdTime: null, updatedTime: null } });
      }
    }
  });
  inv.close();
}

export function measureInventoryOpen(options: { tenants: number; rows: number; runs: number }): { medianMs: number; tenantsListed: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-bench-inv-'));
  fillInventory(dir, options.tenants, options.rows);
  const times: number[] = [];
  let listed = 0;
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    const inv = new Inventory(dir);
    listed = inv.tenants.list('1234567').length;
    times.push(performance.now() - started);
    inv.close();
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, tenantsListed: listed };
}
