import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { MIGRATIONS } from '../../../src/main/inventory/migrations';
import { openDatabase } from '../../../src/main/inventory/open-inventory';
import { guid } from '../../sim/scenario';

/** An inventory written by the release that kept one account per tenant (see test/fixtures/README.md). */
const openV1 = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-v1-'));
  copyFileSync(path.resolve(import.meta.dirname, '../../fixtures/inventory-v1.sqlite'), path.join(dir, INVENTORY_FILE));
  return new Inventory(dir);
};
const ANA = '0b1ec700-0000-4000-8000-000000000001.aaaa0000-0000-4000-8000-000000000001';
const LITWARE_SP = 'sp:5e7c1e00-0000-4000-8000-000000000006';

describe('an inventory from the one-account-per-tenant release', () => {
  it('opens with every tenant, account, link observation, audit entry, queued action and setting intact', () => {
    const inv = openV1();
    expect(inv.notices.open()).toEqual([]);
    expect(inv.settings.get('partnerId')).toBe('1234567');

    const tenants = inv.tenants.list('1234567');
    const byName = Object.fromEntries(tenants.map((t) => [t.label ?? t.displayName, t]));
    expect(Object.keys(byName).sort()).toEqual(['Adventure Works', 'Contoso (main customer)', 'Fabrikam Inc', 'Litware Inc', 'woodgrovebank.onmicrosoft.com']);
    expect(byName['Contoso (main customer)']).toMatchObject({
      displayName: 'Contoso Ltd',
      accounts: [{ identityId: ANA, username: 'ana@northwindpartners.com', objectId: guid('9e57', 1), signIn: 'signed-in', isDefault: true, pal: { status: 'linked', partnerId: '1234567' } }],
      pal: { status: 'linked', linkedAccounts: 1, totalAccounts: 1 },
    });
    expect(byName['Adventure Works']).toMatchObject({ accounts: [{ identityId: ANA, pal: { status: 'other-partner', partnerId: '7654321', partnerName: 'Another Partner Ltd' } }], pendingActions: 1 });
    expect(byName['Fabrikam Inc']).toMatchObject({ accounts: [{ identityId: ANA, pal: { status: 'linked' } }], pendingActions: 1 });
    expect(byName['Litware Inc']).toMatchObject({ accounts: [{ identityId: LITWARE_SP, kind: 'service-principal', objectId: guid('5e7c1e0b', 6), isDefault: true, pal: { status: 'linked' } }] });
    expect(byName['woodgrovebank.onmicrosoft.com']).toMatchObject({ accounts: [], pal: { status: 'unknown' }, lastSyncedAt: null });
    for (const t of tenants.filter((t) => t.accounts.length > 0)) expect(t.lastSyncedAt, t.displayName).not.toBeNull();

    const observations = inv.db.prepare('SELECT tenant_id, identity_id FROM pal_links ORDER BY id').all() as { tenant_id: string; identity_id: string }[];
    expect(observations).toHaveLength(8);
    expect(observations.every((o) => o.identity_id === (o.tenant_id === guid('c0ffee', 6) ? LITWARE_SP : ANA))).toBe(true);

    expect(inv.audit.list(10).map((a) => [a.tenantName, a.identity, a.action, a.before, a.after, a.outcome])).toEqual([
      ['Litware Inc', '5e7c1e00-0000-4000-8000-000000000006', 'link', null, '1234567', 'linked'],
      ['Fabrikam Inc', 'ana@northwindpartners.com', 'link', null, '1234567', 'linked'],
      ['Contoso (main customer)', 'ana@northwindpartners.com', 'link', '1234567', '1234567', 'already-linked'],
    ]);
    expect(inv.audit.list(10).every((a) => a.requestId)).toBe(true);

    expect(inv.queue.list()).toMatchObject([
      { tenantId: guid('c0ffee', 2), identityId: ANA, kind: 'unlink', partnerId: '1234567', status: 'queued' },
      { tenantId: guid('c0ffee', 3), identityId: ANA, kind: 'link', partnerId: '1234567', status: 'queued' },
    ]);
    expect(inv.queue.claimNext('test:1', 60_000)).toMatchObject({ tenantId: guid('c0ffee', 2), identityId: ANA, kind: 'unlink', confirmReplaceOf: null });
    expect(inv.queue.claimNext('test:1', 60_000)).toMatchObject({ tenantId: guid('c0ffee', 3), identityId: ANA, kind: 'link', confirmReplaceOf: '7654321' });
    inv.close();
  });

  it('lets a second account join a migrated tenant next to the first, which stays the default', () => {
    const inv = openV1();
    const contoso = guid('c0ffee', 1);
    inv.accounts.attach(contoso, { identityId: 'sp:x', kind: 'service-principal', homeAccountId: null, clientId: 'x', username: 'x', displayName: null }, 'sp-oid', 'signed-in');
    expect(inv.tenants.get(contoso, '1234567')).toMatchObject({
      accounts: [{ identityId: ANA, isDefault: true }, { identityId: 'sp:x', isDefault: false, pal: { status: 'unknown' } }],
      pal: { status: 'unknown', linkedAccounts: 1, totalAccounts: 2 },
    });
    inv.close();
  });
});

describe('an inventory from before Customer Insights was read from installed packages', () => {
  it('keeps every environment, calls Customer Insights unknown (sync again) where there is Dataverse, and leaves the kind of old Dataverse users open', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pal-v7-'));
    const { db } = openDatabase(path.join(dir, INVENTORY_FILE), { migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    db.exec(`
      INSERT INTO tenants (tenant_id, display_name, cloud_id, added_at) VALUES ('t1', 'Contoso', 'sim', '2026-10-01T00:00:00.000Z');
      INSERT INTO environments (tenant_id, environment_id, display_name, sku, region, dataverse_url, customer_insights, seen_at) VALUES
        ('t1', 'e-ci', 'Contoso CI', 'Production', 'westeurope', 'https://contoso.crm4.dynamics.com', 1, '2026-10-01T00:00:00.000Z'),
        ('t1', 'e-plain', 'Contoso (default)', 'Default', 'westeurope', NULL, 0, '2026-10-01T00:00:00.000Z');
      INSERT INTO dataverse_users (tenant_id, environment_id, azure_object_id, is_disabled, seen_at) VALUES ('t1', 'e-ci', 'ana-oid', 0, '2026-10-01T00:00:00.000Z');
    `);
    db.close();
    const inv = new Inventory(dir);
    expect(inv.powerPlatform.environments('t1').map((e) => [e.displayName, e.customerInsights, e.customerInsightsReason])).toEqual([
      ['Contoso (default)', false, null],
      ['Contoso CI', null, 'Read before PAL Desk looked at installed packages: sync again.'],
    ]);
    expect(inv.powerPlatform.dataverseUsers('t1')).toMatchObject([{ azureObjectId: 'ana-oid', isDisabled: false, kind: null }]);
    inv.close();
  });
});
