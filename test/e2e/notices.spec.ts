import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startSimWithProfileFile, type RunningSim } from './support/sim-profile';

let sim: RunningSim;
let profileFile: string;
let workDir: string;
let host: HostProcess;

test.beforeAll(async () => {
  ({ sim, profileFile, dir: workDir } = await startSimWithProfileFile('demo'));
});
test.afterAll(async () => {
  await sim.close();
});
test.afterEach(async () => {
  await host.stop();
});

test('a page that connects after start-up shows the damaged-inventory notice, and Dismiss keeps it gone after a reload', async ({ page }, testInfo) => {
  const userDataDir = mkdtempSync(path.join(workDir, 'user-data-'));
  writeFileSync(path.join(userDataDir, 'inventory.sqlite'), 'garbage bytes, not SQLite '.repeat(300));
  host = await startHostProcess({ simProfileFile: profileFile, userDataDir });
  await page.goto(host.url);
  const notice = page.getByText(/The inventory database was damaged/);
  await expect(notice).toBeVisible();
  await expect(page.getByText(/Set your partner ID again in Settings/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('damaged-inventory-notice.png'), fullPage: true });

  await page.reload();
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No customer tenants yet' })).toBeVisible();
  await expect(notice).toBeHidden();
});
