import { expect, test, type Page } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });

/** Holds back the app's code (React, Fluent UI, the components) until the returned function is called. */
async function holdAppCode(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/mount-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const LAST_KNOWN = 'Showing what PAL Desk last knew; links you make are queued and sent when Azure is reachable.';

test('when Azure cannot be reached a banner says since when, that the screen shows last-known data and how many links wait; it goes when Azure answers again', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await startWithCustomer(page, context, env.host.url, 'fabrikam.onmicrosoft.com');
  await expect(page.getByText(LAST_KNOWN)).toHaveCount(0);

  env.sim.control.setFaults({ resetRate: 1 });
  try {
    await page.getByRole('button', { name: 'Link my partner ID' }).first().click();
    await expect(page.getByText(/^Offline since \d{1,2}:\d{2}/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(LAST_KNOWN)).toBeVisible();
    await expect(page.getByText(/1 action queued\./)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('offline-banner.png') });
  } finally {
    env.sim.control.clearFaults();
  }

  await page.getByRole('button', { name: 'Sync all' }).click();
  await expect(page.getByText(LAST_KNOWN)).toHaveCount(0, { timeout: 30_000 });
});

test('the banner also shows when the computer itself loses the network', async ({ page, context }) => {
  await page.goto(env.host.url);
  await expect(page.getByRole('banner')).toContainText('PAL Desk');
  // Main's first screen shows the banner before the app's code runs; the app listens for the network once it has hydrated it.
  await expect(page.locator('#root[inert]')).toHaveCount(0);
  await context.setOffline(true);
  await expect(page.getByText(LAST_KNOWN)).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText(LAST_KNOWN)).toHaveCount(0);
});

test('a theme picked in the header overrides the operating system and is remembered after a reload; System follows the OS again', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.host.url);
  const main = page.locator('main');
  const background = () => main.evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect.poll(background).toBe('rgb(41, 41, 41)');

  await page.getByRole('button', { name: 'Theme: System' }).click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Theme: Light' })).toBeVisible();
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: testInfo.outputPath('theme-light-over-dark-os.png') });

  await page.getByRole('button', { name: 'Theme: Light' }).click();
  await page.getByRole('menuitemradio', { name: 'System' }).click();
  await expect.poll(background).toBe('rgb(41, 41, 41)');
});

test('until the app has loaded, the window says it is opening (dark under a dark OS) instead of staying blank; the first screen then replaces it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const release = await holdAppCode(page);
  /** A reload (the run's key already off the address) is served the app page as built, without main's first screen. */
  await page.goto(env.host.url);
  await expect(page.getByRole('banner')).toContainText('PAL Desk');
  await page.reload();
  const opening = page.getByRole('status').filter({ hasText: 'Opening PAL Desk…' });
  await expect(opening).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 31, 31)');

  release();
  await expect(page.getByRole('banner')).toContainText('PAL Desk');
  await expect(opening).toHaveCount(0);
});

test("the tenant grid is on screen before the app's code has run (dark under a dark OS), and the same grid answers once the code has loaded", async ({ page, context }, testInfo) => {
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
  await page.emulateMedia({ colorScheme: 'dark' });
  const release = await holdAppCode(page);
  await page.goto(env.host.url);

  const row = page.getByRole('row', { name: 'Contoso Ltd' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('pal-status')).toHaveText('Linked');
  expect(await row.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__react')))).toBe(false);
  expect(await row.evaluate((element) => element.closest('[inert]') !== null)).toBe(true);
  expect(await page.locator('main').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(41, 41, 41)');
  await page.screenshot({ path: testInfo.outputPath('first-screen-before-app-code.png') });

  release();
  await expect.poll(() => row.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__react')) && element.closest('[inert]') === null)).toBe(true);
  await row.click();
  await expect(page.locator('[aria-label="Tenant Contoso Ltd"]')).toBeVisible();
  expect(problems).toEqual([]);
});
