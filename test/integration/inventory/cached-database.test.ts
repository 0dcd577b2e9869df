import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';

const contoso = { tenantId: '11111111-1111-4111-8111-111111111111', displayName: 'Contoso', defaultDomain: 'contoso.com', cloudId: 'sim' };

describe('the inventory connection keeps its prepared statements', () => {
  it('compiles a SQL text once and hands back the same statement, which still reads what was written in between', () => {
    const inventory = new Inventory(mkdtempSync(path.join(tmpdir(), 'pal-statements-')));
    const sql = 'SELECT label, display_name FROM tenants WHERE tenant_id = ?';
    const first = inventory.db.prepare(sql);
    expect(first.get(contoso.tenantId)).toBeUndefined();

    inventory.tenants.upsert(contoso);
    inventory.tenants.rename(contoso.tenantId, 'Contoso (EU)');
    expect(inventory.db.prepare(sql)).toBe(first);
    expect(inventory.tenants.label(contoso.tenantId)).toBe('Contoso (EU)');
    expect({ ...first.get(contoso.tenantId) }).toEqual({ label: 'Contoso (EU)', display_name: 'Contoso' });
    inventory.close();
  });
});
