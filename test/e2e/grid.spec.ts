import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { addCustomer, startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });
test.describe.configure({ timeout: 120_000 });

const ALL = ['Adventure Works', 'Contoso Ltd', 'Fabrikam Inc', 'tailspintoys.onmicrosoft.com'];

/** Contoso (linked, signed in through the browser), Fabrikam (not linked) and Adventure Works (another partner's ID) signed in without a browser, Tailspin Toys waiting for an MFA sign-in; all synced. */
async function fourCustomers(page: Page, context: BrowserContext) {
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  for (const domain of ['fabrikam.onmicrosoft.com', 'adventureworks.onmicrosoft.com', 'tailspintoys.onmicrosoft.com']) {
    await addCustomer(page, domain);
    await expect(grid(page).getByRole('row', { name: new RegExp(domain.startsWith('tail') ? 'Tailspin' : domain.slice(0, 6), 'i') })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Sync all' }).click();
  const panel = page.getByRole('complementary', { name: 'Syncing' });
  await expect(panel.getByTestId('job-summary')).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Hide progress' }).click();
  // The panel slides away before the grid is used: its leaving must not race the keyboard steps.
  await expect(panel).toBeHidden();
  await expect(rowOf(page, 'Adventure Works').getByTestId('pal-status')).toHaveText('Other partner');
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Customer tenants' });
const rowOf = (page: Page, name: string) => grid(page).getByRole('row', { name });
const shownNames = (page: Page) => grid(page).locator('[role=row][data-tenant-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));

test('search finds tenants by name, domain or tenant ID, counts them, shows the search as a chip, and an empty result names the filter with a way out', async ({ page, context }, testInfo) => {
  await fourCustomers(page, context);
  await expect(page.getByText('Showing 4 of 4')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('tenant-grid.png') });
  const search = page.getByRole('searchbox', { name: 'Search tenants' });

  await search.fill('fabri');
  expect(await shownNames(page)).toEqual(['Fabrikam Inc']);
  await expect(page.getByText('Showing 1 of 4')).toBeVisible();
  await search.fill('ADVENTUREWORKS.onmicrosoft');
  expect(await shownNames(page)).toEqual(['Adventure Works']);
  await search.fill('c0ffee00-0000-4000-8000-000000000004');
  expect(await shownNames(page)).toEqual(['tailspintoys.onmicrosoft.com']);

  await search.fill('globex');
  await expect(page.getByText('No tenant\'s name, domain or tenant ID contains “globex”.')).toBeVisible();
  await expect(grid(page)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('tenant-grid-nothing-shown.png') });
  await page.getByRole('status').getByRole('button', { name: 'Clear filters' }).click();
  await expect(search).toHaveValue('');
  expect(await shownNames(page)).toEqual(ALL);

  await search.fill('contoso');
  await page.getByRole('button', { name: 'Remove filter Search: “contoso”' }).click();
  await expect(page.getByText('Showing 4 of 4')).toBeVisible();
});

test('each quick filter keeps only the tenants it names, and filters on together keep the tenants that match all of them', async ({ page, context }) => {
  await fourCustomers(page, context);
  const filters = page.getByRole('toolbar', { name: 'Quick filters' });
  const cases: [string, string[]][] = [
    ['Not linked', ['Fabrikam Inc', 'tailspintoys.onmicrosoft.com']],
    ['Another partner', ['Adventure Works']],
    ['Needs sign-in', ['tailspintoys.onmicrosoft.com']],
    ['Stale', ['tailspintoys.onmicrosoft.com']],
    ['Not attributed', ['Adventure Works', 'Contoso Ltd', 'Fabrikam Inc']],
  ];
  for (const [name, expected] of cases) {
    await filters.getByRole('button', { name }).click();
    await expect(filters.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => shownNames(page), { message: name }).toEqual(expected);
    await expect(page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: `Remove filter ${name}` })).toBeVisible();
    await filters.getByRole('button', { name }).click();
    await expect.poll(() => shownNames(page)).toEqual(ALL);
  }

  await filters.getByRole('button', { name: 'Not linked' }).click();
  await filters.getByRole('button', { name: 'Needs sign-in' }).click();
  await expect.poll(() => shownNames(page)).toEqual(['tailspintoys.onmicrosoft.com']);
  await filters.getByRole('button', { name: 'Another partner' }).click();
  await expect(page.getByText('Each filter matches some tenants, but no tenant matches all of them together.')).toBeVisible();
  await page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => shownNames(page)).toEqual(ALL);
});

test('sorting by a column orders the rows and a second click reverses them; ticked rows (shift-click for a range) are synced with "Sync selected"', async ({ page, context }) => {
  await fourCustomers(page, context);
  const header = (name: string) => grid(page).getByRole('columnheader', { name });
  await expect(header('Customer')).toHaveAttribute('aria-sort', 'ascending');
  await header('Partner link').getByRole('button').click();
  await expect(header('Partner link')).toHaveAttribute('aria-sort', 'ascending');
  expect(await shownNames(page)).toEqual(['Adventure Works', 'Fabrikam Inc', 'tailspintoys.onmicrosoft.com', 'Contoso Ltd']);
  await header('Partner link').getByRole('button').click();
  await expect(header('Partner link')).toHaveAttribute('aria-sort', 'descending');
  expect((await shownNames(page))[0]).toBe('Contoso Ltd');
  await header('Customer').getByRole('button').click();
  await header('Customer').getByRole('button').click();
  expect(await shownNames(page)).toEqual([...ALL].reverse());

  await page.getByRole('checkbox', { name: 'Select tailspintoys.onmicrosoft.com' }).click();
  await page.getByRole('checkbox', { name: 'Select Contoso Ltd' }).click({ modifiers: ['Shift'] });
  for (const name of ['tailspintoys.onmicrosoft.com', 'Fabrikam Inc', 'Contoso Ltd']) await expect(rowOf(page, name)).toHaveAttribute('aria-selected', 'true');
  await expect(rowOf(page, 'Adventure Works')).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('checkbox', { name: 'Select every tenant shown' })).toHaveJSProperty('indeterminate', true);

  await page.getByRole('checkbox', { name: 'Select tailspintoys.onmicrosoft.com' }).click();
  await page.getByRole('button', { name: 'Sync selected (2)' }).click();
  await expect(page.getByRole('complementary', { name: 'Syncing' }).getByTestId('job-summary')).toHaveText('2 synced');

  await page.getByRole('checkbox', { name: 'Select every tenant shown' }).click();
  for (const name of ALL) await expect(rowOf(page, name)).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByRole('button', { name: /Sync selected/ })).toHaveCount(0);
});

test('the keyboard moves through the rows, ticks one with Space, opens one with Enter and closes it with Escape', async ({ page, context }) => {
  await fourCustomers(page, context);
  await rowOf(page, 'Adventure Works').focus();
  await page.keyboard.press('ArrowDown');
  await expect(rowOf(page, 'Contoso Ltd')).toBeFocused();
  await page.keyboard.press('End');
  await expect(rowOf(page, 'tailspintoys.onmicrosoft.com')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rowOf(page, 'Adventure Works')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(rowOf(page, 'tailspintoys.onmicrosoft.com')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rowOf(page, 'Fabrikam Inc')).toBeFocused();
  await expect(rowOf(page, 'Fabrikam Inc')).toHaveAttribute('tabindex', '0');
  await expect(rowOf(page, 'Contoso Ltd')).toHaveAttribute('tabindex', '-1');

  await page.keyboard.press('Space');
  await expect(rowOf(page, 'Fabrikam Inc')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Sync selected (1)' })).toBeVisible();
  await page.keyboard.press('x');
  await expect(rowOf(page, 'Fabrikam Inc')).toHaveAttribute('aria-selected', 'false');

  await page.keyboard.press('Enter');
  const detail = page.locator('[aria-label="Tenant Fabrikam Inc"]');
  await expect(detail).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(rowOf(page, 'Fabrikam Inc')).toBeFocused();
});

test('on a wide window the tenant opens beside the grid with a handle that resizes it from the keyboard and is remembered', async ({ page, context }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await fourCustomers(page, context);
  await rowOf(page, 'Contoso Ltd').click();
  const handle = page.getByRole('separator', { name: 'Resize the tenant pane' });
  await expect(handle).toHaveAttribute('aria-valuenow', '400');
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '448');
  const gridBox = await grid(page).boundingBox();
  const paneBox = await page.locator('[aria-label="Tenant Contoso Ltd"]').boundingBox();
  expect(gridBox!.x + gridBox!.width).toBeLessThanOrEqual(paneBox!.x);
  await page.reload();
  await rowOf(page, 'Contoso Ltd').click();
  await expect(page.getByRole('separator', { name: 'Resize the tenant pane' })).toHaveAttribute('aria-valuenow', '448');
});

test('on a narrow window the tenant opens as an overlay drawer over the grid, which drops low-priority columns instead of overlapping them', async ({ page, context }, testInfo) => {
  await fourCustomers(page, context);
  await page.setViewportSize({ width: 900, height: 800 });
  const headers = page.locator('[role=grid] [role=columnheader]');
  await expect(headers).toHaveText(['', 'Customer', 'Accounts', 'Partner link']);
  const customer = await rowOf(page, 'Adventure Works').getByRole('gridcell').nth(1).boundingBox();
  const status = await rowOf(page, 'Adventure Works').getByTestId('pal-status').boundingBox();
  expect(customer!.x + customer!.width).toBeLessThanOrEqual(status!.x);

  await rowOf(page, 'Fabrikam Inc').click();
  const drawer = page.getByRole('dialog', { name: 'Tenant Fabrikam Inc' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Sign in', exact: true }).or(drawer.getByText('ana@northwindpartners.com').first())).toBeVisible();
  await expect(headers).toHaveText(['', 'Customer', 'Accounts', 'Partner link']);
  await page.screenshot({ path: testInfo.outputPath('tenant-grid-narrow-drawer.png') });
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
});
