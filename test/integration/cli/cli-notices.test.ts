import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { runCli } from '../support/cli-runner';


/** Runs the CLI on a data folder (no cloud call is made by these commands). */
const cliOn = (userDataDir: string) => (...args: string[]) => runCli({ userDataDir, service: `PAL Desk test ${randomUUID()}` }, args);

describe('pal-desk on a damaged inventory', () => {
  it('prints the notice on standard error and exits 7 for commands that read the inventory, until `notices --ack`', async () => {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'pal-cli-damaged-'));
    writeFileSync(path.join(userDataDir, INVENTORY_FILE), 'garbage bytes, not SQLite '.repeat(300));
    const cli = cliOn(userDataDir);

    const list = await cli('tenants', 'list');
    expect(list.code).toBe(7);
    expect(list.stderr).toMatch(/PAL Desk notice #1 .*inventory database was damaged/);
    expect(list.stderr).toContain('pal-desk notices --ack');
    expect(list.stdout).toContain('No tenants yet');
    expect((await cli('status')).code).toBe(7);
    expect((await cli('export', '--format', 'json')).code).toBe(7);

    const notices = await cli('notices');
    expect(notices).toMatchObject({ code: 0, stderr: '' });
    expect(notices.stdout).toMatch(/inventory database was damaged/);
    const json = JSON.parse((await cli('--json', 'notices')).stdout) as { id: number; code: string }[];
    expect(json).toMatchObject([{ id: 1, code: 'inventory-damaged' }]);

    expect(await cli('notices', '--ack')).toMatchObject({ code: 0, stdout: expect.stringMatching(/1 acknowledged/) });
    expect(await cli('tenants', 'list')).toMatchObject({ code: 0, stderr: '' });
    expect((await cli('notices')).stdout).toMatch(/No notices/);
  });
});
