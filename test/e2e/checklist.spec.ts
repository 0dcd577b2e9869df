import { expect, test } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });

test('after a sync the tenant shows its attribution checklist by product, each resource with its verdict, reasons and remediations, and the list shows the attributed share', async ({ page, context }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 1500 });
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  await page.getByRole('button', { name: 'Sync all' }).click();

  const checklist = page.getByRole('region', { name: 'Attribution checklist' });
  const powerApps = checklist.getByRole('region', { name: 'Power Apps' });
  const powerAutomate = checklist.getByRole('region', { name: 'Power Automate' });
  await expect(powerApps).toBeVisible({ timeout: 30_000 });
  const environments = page.getByRole('region', { name: 'Environments' });
  await expect(environments).toContainText('Power Apps: everything (read as an admin)');
  await expect(environments.getByRole('row', { name: /Contoso Customer Insights/ })).toContainText(/Production\s*westeurope\s*Yes\s*Yes/);
  await expect(environments.getByRole('row', { name: /Contoso Sandbox/ })).toContainText(/Sandbox\s*westeurope\s*No\s*No/);
  await expect(environments).toContainText(/4 read (just now|\d+ min ago)/);
  await expect(checklist.getByRole('region', { name: 'Power BI' })).toBeVisible();
  await expect(checklist.getByRole('region', { name: 'Customer Insights' })).toBeVisible();

  const systemApp = powerApps.getByRole('group', { name: 'Customer Service Hub' });
  await expect(systemApp.getByTestId('verdict')).toHaveText('Not attributed');
  await expect(systemApp).toContainText('Owner is SYSTEM');
  // A flow none of ours created or owns (Legacy sync, which Ana co-owns, is unknown: whether owning a flow counts is not documented).
  const orphanFlow = powerAutomate.getByRole('group', { name: 'Nightly export' });
  await expect(orphanFlow.getByTestId('verdict')).toHaveText('Not attributed');
  await expect(orphanFlow).toContainText(/Recreate the flow in .+, or import it through a solution/);
  await expect(orphanFlow.getByRole('link', { name: "Microsoft's documentation" }).first()).toHaveAttribute('href', /^https:\/\/learn\.microsoft\.com\//);
  await expect(orphanFlow.getByRole('link', { name: "Microsoft's documentation" }).first()).toHaveAttribute('rel', /noopener/);
  const anasApp = powerApps.getByRole('group', { name: 'Inspection Checklist', exact: true });
  await expect(anasApp.getByTestId('verdict')).toHaveText('Attributed');
  await checklist.screenshot({ path: testInfo.outputPath('checklist.png') });
  await powerApps.getByRole('group', { name: 'Asset Tracker' }).screenshot({ path: testInfo.outputPath('checklist-resource.png') });

  const show = checklist.getByRole('group', { name: 'Show' });
  await expect(show.getByRole('button', { name: 'Attributed (5)', exact: true })).toBeVisible();
  await show.getByRole('button', { name: /^Not attributed \(\d+\)$/ }).click();
  await expect(show.getByRole('button', { name: /^Not attributed/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(systemApp).toBeVisible();
  await expect(anasApp).toHaveCount(0);
  await show.getByRole('button', { name: /^All \(\d+\)$/ }).click();
  await expect(anasApp).toBeVisible();

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: /Contoso Ltd/ }).getByTestId('attributed-share')).toHaveText(/^[1-9]\d* of \d+ \(\d+ %\)$/);
  await page.screenshot({ path: testInfo.outputPath('tenant-list-attributed.png') });
});
