import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Inventory, INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { auditedDataFolder, damageTables } from '../support/audited-folder';
import { runCli } from '../support/cli-runner';

/** Runs the CLI on the data folder (these commands never call the cloud), waiting at most 300 ms for another process's lock. */
const cliOn = (userDataDir: string) => {
  const target = { userDataDir, service: `PAL Desk test ${randomUUID()}`, env: { PAL_DESK_BUSY_TIMEOUT_MS: '300' } };
  return (...args: string[]) => runCli(target, args);
};

/** The inventory files set aside (without their -wal and -shm companions). */
const setAside = (userData: string) => readdirSync(userData).filter((f) => f.includes('.corrupt-') && !/-(wal|shm)$/.test(f));

describe('pal-desk on an inventory another PAL Desk holds', () => {
  it('waits while another connection holds the inventory locked, then says another PAL Desk is using it (exit 6), sets nothing aside and loses nothing', async () => {
    const userData = auditedDataFolder('pal-cli-storage-');
    const cli = cliOn(userData);
    const locker = new DatabaseSync(path.join(userData, INVENTORY_FILE));
    locker.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');

    const locked = await cli('status');
    locker.close();
    expect(locked.code).toBe(6);
    expect(locked.stderr).toMatch(/Another PAL Desk is using this data .*nothing was changed or set aside/);
    expect(locked.stderr).not.toMatch(/damaged/);
    expect(setAside(userData)).toEqual([]);

    const inv = new Inventory(userData);
    expect(inv.settings.get('partnerId')).toBe('1234567');
    expect(inv.tenants.list('1234567').map((t) => t.displayName)).toEqual(['Contoso']);
    expect(inv.audit.list(1000)).toHaveLength(300);
    expect(inv.notices.open()).toEqual([]);
    inv.close();
  });

  it('does not set a damaged inventory aside while another PAL Desk has it open (exit 7, saying why), and does once that one has closed', async () => {
    const userData = auditedDataFolder('pal-cli-storage-');
    const cli = cliOn(userData);
    const app = new Inventory(userData);
    damageTables(path.join(userData, INVENTORY_FILE), ['audit_log']);

    const held = await cli('status');
    expect(held.code).toBe(7);
    expect(held.stderr).toMatch(/damaged, and another PAL Desk .* still has it open, so it was not set aside/);
    expect(setAside(userData)).toEqual([]);
    expect(app.settings.get('partnerId')).toBe('1234567');

    app.close();
    const alone = new Inventory(userData);
    expect(alone.notices.open()).toMatchObject([{ code: 'inventory-damaged', message: expect.stringMatching(/Recovered: your partner ID and 1 tenant\. The audit log could not be read/) }]);
    expect(setAside(userData)).toHaveLength(1);
    alone.close();
  });
});
