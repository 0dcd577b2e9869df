import { expect, test } from '@playwright/test';
import { useDemoHost } from './support/demo-host';

const env = useDemoHost();

test('a first start shows the Fluent UI frame and an empty state that explains PAL Desk and asks for the partner ID', async ({ page }, testInfo) => {
  await page.goto(env.host.url);
  await expect(page.getByRole('banner')).toContainText('PAL Desk');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Tenants', 'Activity', 'Settings']) await expect(nav.getByRole('tab', { name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible();
  await expect(page.getByText('linked to your partner ID (Partner Admin Link)')).toBeVisible();
  await expect(page.getByLabel('Partner ID (Associated MPN ID)')).toBeEmpty();
  await page.screenshot({ path: testInfo.outputPath('empty-state.png'), fullPage: true });
});

test('the page has no Node.js and the key leaves the address bar', async ({ page }) => {
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible();
  expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
    'undefined',
    'undefined',
  ]);
  await expect(page).not.toHaveURL(/[?#&]k=/);
});

test('a bad partner ID shows what to type instead and is not saved', async ({ page }, testInfo) => {
  await page.goto(env.host.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  const field = page.getByLabel('Partner ID (Associated MPN ID)');
  await field.fill('12-AB');
  await page.getByRole('form', { name: 'Partner ID' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('"12-AB" is not a partner ID: use digits only')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('settings-invalid.png') });
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByLabel('Partner ID (Associated MPN ID)')).toBeEmpty();
});

test('a good partner ID is saved and is still there after the host restarts', async ({ page }, testInfo) => {
  await page.goto(env.host.url);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Partner ID (Associated MPN ID)').fill(' 1234567 ');
  await page.getByRole('form', { name: 'Partner ID' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('settings-saved.png') });

  await env.host.stop();
  await env.startHost(env.userDataDir);
  await page.goto(env.host.url);
  await expect(page.getByText('Your partner ID: 1234567')).toBeVisible();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByLabel('Partner ID (Associated MPN ID)')).toHaveValue('1234567');
});

test('the frame follows a dark operating-system theme', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible();
  const background = await page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(41, 41, 41)');
  await page.screenshot({ path: testInfo.outputPath('empty-state-dark.png') });
});

test('the bridge refuses calls without the per-run key, from another origin, or for another host name', async ({ request }) => {
  const key = new URL(env.host.url).searchParams.get('k') ?? '';
  const call = (headers: Record<string, string>) =>
    request.post(`${env.host.origin}/__pal/invoke/settings:get`, { headers: { 'content-type': 'application/json', ...headers }, data: {} });
  expect((await call({ origin: env.host.origin, 'x-pal-desk-key': key })).status()).toBe(200);
  expect((await call({ origin: env.host.origin })).status()).toBe(403);
  expect((await call({ origin: 'https://evil.example', 'x-pal-desk-key': key })).status()).toBe(403);
  expect((await call({ origin: env.host.origin, 'x-pal-desk-key': key, host: 'evil.example' })).status()).toBe(421);
});
