import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { useDemoHost } from './support/demo-host';

const env = useDemoHost({ hostPerTest: false });

test('a page that connects after start-up shows the damaged-inventory notice, and Dismiss keeps it gone after a reload', async ({ page }, testInfo) => {
  const userDataDir = env.newDataFolder();
  writeFileSync(path.join(userDataDir, 'inventory.sqlite'), 'garbage bytes, not SQLite '.repeat(300));
  await env.startHost(userDataDir);
  await page.goto(env.host.url);
  const notice = page.getByText(/The inventory database was damaged/);
  await expect(notice).toBeVisible();
  await expect(page.getByText(/Set your partner ID again in Settings/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('damaged-inventory-notice.png'), fullPage: true });

  await page.reload();
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible();
  await expect(notice).toBeHidden();
});
