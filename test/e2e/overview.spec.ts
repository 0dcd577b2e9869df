import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { ChecklistSummary } from '../../src/shared/checklist-types';
import type { PalDeskBridge } from '../../src/shared/ipc-contract';
import type { TenantView } from '../../src/shared/view-types';
import { useDemoHost } from './support/demo-host';
import { addCustomer, startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });

const PRODUCTS = [
  ['power-apps', 'Power Apps'],
  ['power-automate', 'Power Automate'],
  ['power-bi', 'Power BI'],
  ['customer-insights', 'Customer Insights'],
] as const;

/** What main says, read through the page's own bridge. */
async function fromMain(page: Page): Promise<{ summary: ChecklistSummary; tenants: TenantView[] }> {
  return page.evaluate(async () => {
    const bridge = (window as unknown as { palDesk: PalDeskBridge }).palDesk;
    const [summary, tenants] = await Promise.all([bridge.checklist.summary(), bridge.tenants.list()]);
    if (!summary.ok || !tenants.ok) throw new Error('the bridge refused a read');
    return { summary: summary.value, tenants: tenants.value };
  });
}

/** Tabster's focus sentinels (`data-tabster-dummy`, aria-hidden by design) are a known axe false positive: microsoft/tabster#288. */
async function expectNoSeriousViolation(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('main').exclude('[data-tabster-dummy]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('before anything is synced the overview says what to do and leads to the Tenants page', async ({ page }) => {
  await page.goto(env.host.url);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByText('No customers yet. Add a customer on the Tenants page')).toBeVisible();
  await expect(page.getByTestId('synced')).toHaveText('Not synced yet.');
  await page.getByRole('button', { name: 'Go to Tenants' }).click();
  await expect(page.getByRole('tab', { name: 'Tenants' })).toHaveAttribute('aria-selected', 'true');
});

test('after a sync the overview shows the same numbers as the checklist summary, and a bar, a slice (also by keyboard) and a number open the Tenants page filtered to them', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 1100 });
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  await addCustomer(page, 'fabrikam.onmicrosoft.com');
  await expect(page.getByText('Signed in to Fabrikam Inc without a browser')).toBeVisible();
  await page.getByRole('button', { name: 'Sync all' }).click();
  const finished = page.getByRole('complementary', { name: 'Syncing' }).getByTestId('job-summary').or(page.getByRole('button', { name: /^Syncing finished: 2 synced/ }));
  await expect(finished).toBeVisible({ timeout: 30_000 });

  await page.getByRole('tab', { name: 'Overview' }).click();
  const table = page.getByRole('table', { name: 'Resources by product and verdict' });
  await expect(table).toBeVisible();
  const { summary, tenants } = await fromMain(page);
  expect(summary.all.total).toBeGreaterThan(0);
  const share = (attributed: number, total: number) => (total === 0 ? '—' : `${Math.round((attributed / total) * 100)} %`);
  const expected = [
    ...PRODUCTS.map(([product, name]) => ({ name, counts: summary.byProduct[product] })),
    { name: 'All products', counts: summary.all },
  ].map(({ name, counts: c }) => [name, c.attributed, c['at-risk'], c['not-attributed'], c.unknown, c.total].map(String).concat(share(c.attributed, c.total)));
  const shown = await Promise.all((await table.locator('tbody tr').all()).map((row) => row.getByRole('cell').allInnerTexts()));
  expect(shown).toEqual(expected);
  await expect(page.getByText(`${summary.all.attributed} of ${summary.all.total} resources are attributed to your partner ID.`)).toBeVisible();

  const figures = page.getByLabel('Customers', { exact: true });
  const figure = (term: string) => figures.locator('div').filter({ has: page.getByRole('term').getByText(term, { exact: true }) }).getByRole('definition');
  await expect(figure('Customers tracked')).toHaveText('2');
  await expect(figure('Linked')).toHaveText(String(tenants.filter((t) => t.pal.status === 'linked').length));
  await expect(figure('Another partner')).toHaveText(String(tenants.filter((t) => t.pal.status === 'other-partner').length));
  await expect(figure('Not linked')).toHaveText(String(tenants.filter((t) => t.pal.status === 'not-linked').length));
  await expect(page.getByTestId('synced')).toHaveText('Last synced just now.');

  const notAttributedApps = summary.byProduct['power-apps']['not-attributed'];
  expect(notAttributedApps).toBeGreaterThan(0);
  const bar = page.getByRole('option', { name: `Power Apps, not attributed: ${notAttributedApps} of ${summary.byProduct['power-apps'].total}` });
  await expect(bar).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });
  await expectNoSeriousViolation(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('overview-dark.png'), fullPage: true });
  await expectNoSeriousViolation(page);

  await bar.click();
  await expect(page.getByRole('tab', { name: 'Tenants' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Remove filter Power Apps: not attributed' })).toBeVisible();
  await expect(table).toHaveCount(0);

  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('option', { name: `Not attributed: ${summary.all['not-attributed']} of ${summary.all.total}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Tenants' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Remove filter Any product: not attributed' })).toBeVisible();

  await page.getByRole('tab', { name: 'Overview' }).click();
  await table.getByRole('button', { name: `${summary.all.attributed}, show the tenants with resources attributed` }).click();
  await expect(page.getByRole('tab', { name: 'Tenants' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Remove filter Any product: attributed' })).toBeVisible();
});
