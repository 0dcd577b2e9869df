import { expect, test } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { attachScreen, startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true, viewport: { width: 1440, height: 1000 } });

test("a sign-in shows the account's partner link at once, and Discover customers tracks only the directories picked", async ({ page, context }, testInfo) => {
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  const card = page.getByRole('group', { name: 'ana@northwindpartners.com' }).getByRole('group', { name: 'Partner link' });
  await expect(card.getByTestId('pal-read')).toHaveText('Linked to 1234567 (Northwind Partners) · read just now');
  await expect(card.getByTestId('pal-status')).toHaveText('Linked');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Discover customers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discover customers' });
  await expect(dialog.getByRole('combobox', { name: 'Discover with an account already signed in' })).toHaveText(/ana@northwindpartners.com in Contoso Ltd/);
  await dialog.getByRole('button', { name: 'Discover', exact: true }).click();
  const found = dialog.getByRole('region', { name: 'Directories found' });
  await expect(found.getByRole('checkbox', { name: 'Contoso Ltd' })).toBeDisabled();
  for (const name of ['Adventure Works', 'Tailspin Toys', 'Wide World Importers', 'Proseware', 'Northwind Partners']) {
    await found.getByRole('checkbox', { name }).uncheck();
  }
  await attachScreen(page, testInfo, 'discover-dialog');
  await found.getByRole('button', { name: 'Track selected (1)' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('row', { name: /Fabrikam Inc/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Adventure Works/ })).toHaveCount(0);
  const sync = page.getByRole('complementary', { name: 'Syncing' });
  await expect(sync.getByRole('listitem', { name: 'Fabrikam Inc' }).getByTestId('job-row-state')).toHaveText('Synced', { timeout: 30_000 });
  await expect(sync.getByTestId('job-summary')).toHaveText('1 synced');
});
