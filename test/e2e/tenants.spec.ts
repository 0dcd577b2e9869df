import { expect, test } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { addCustomer, attachScreen, signInInNewTab, startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });

test('a consultant adds a customer, signs in through the browser, links the partner ID and sees it audited', async ({ page, context }, testInfo) => {
  await page.goto(env.host.url);
  await page.getByLabel('Partner ID (Associated MPN ID)').fill('1234567');
  await page.getByRole('form', { name: 'Partner ID' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your partner ID: 1234567')).toBeVisible();

  await addCustomer(page, 'not a domain!');
  await expect(page.getByText('is neither a domain (contoso.com) nor a tenant ID')).toBeVisible();
  await page.getByLabel('Customer domain or tenant ID').fill('fabrikam.onmicrosoft.com');
  await page.getByRole('button', { name: 'Add', exact: true }).click();

  const detail = page.getByRole('complementary', { name: /Tenant/ }).or(page.locator('[aria-label^="Tenant "]'));
  await expect(detail.first()).toBeVisible();
  await signInInNewTab(context, page, 'Ana Consultant');
  await expect(page.getByRole('group', { name: 'ana@northwindpartners.com' }).getByText('ana@northwindpartners.com')).toBeVisible();
  await expect(page.getByRole('row', { name: /Fabrikam Inc/ })).toBeVisible();

  await page.getByRole('button', { name: 'Link my partner ID' }).click();
  await expect(page.getByText('Linked partner ID 1234567; Azure reads it back.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Fabrikam Inc/ }).getByTestId('pal-status')).toHaveText('Linked');
  await page.screenshot({ path: testInfo.outputPath('tenant-linked.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Activity' }).click();
  const auditRow = page.getByRole('table', { name: 'Audit log' }).getByRole('row', { name: /Fabrikam Inc/ });
  await expect(auditRow).toContainText('link');
  await expect(auditRow).toContainText('linked');
  await page.screenshot({ path: testInfo.outputPath('activity.png'), fullPage: true });
});

test("another partner's ID is only replaced after the person confirms it in a dialog", async ({ page, context }, testInfo) => {
  await page.goto(env.host.url);
  await page.getByLabel('Partner ID (Associated MPN ID)').fill('1234567');
  await page.getByRole('form', { name: 'Partner ID' }).getByRole('button', { name: 'Save' }).click();
  await addCustomer(page, 'adventureworks.onmicrosoft.com');
  await signInInNewTab(context, page, 'Ana Consultant');
  await page.getByRole('button', { name: 'Sync all' }).click();
  await expect(page.getByRole('row', { name: /Adventure Works/ }).getByTestId('pal-status')).toHaveText('Other partner');

  await page.getByRole('button', { name: 'Replace with 1234567' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('linked to partner ID 7654321');
  await expect(dialog.getByRole('button', { name: 'Replace 7654321' })).toBeInViewport();
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: testInfo.outputPath('confirm-replace.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect([...env.sim.control.partnerLinks().values()].map((l) => l.partnerId)).toContain('7654321');

  await page.getByRole('button', { name: 'Replace with 1234567' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace 7654321' }).click();
  await expect(page.getByText('Replaced 7654321 with 1234567; Azure reads it back.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Adventure Works/ }).getByTestId('pal-status')).toHaveText('Linked');
});

test('a sign-in can be cancelled from the app while the browser tab waits', async ({ page }) => {
  await page.goto(env.host.url);
  await addCustomer(page, 'contoso.onmicrosoft.com');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Finish signing in in your browser')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(page.getByText('Sign-in to contoso.onmicrosoft.com was cancelled.')).toBeVisible();
});

test('a second customer where the consultant is a guest is signed in without a browser; an MFA tenant still asks for one', async ({ page, context }) => {
  await page.goto(env.host.url);
  await addCustomer(page, 'contoso.onmicrosoft.com');
  await signInInNewTab(context, page, 'Ana Consultant');
  await expect(page.getByRole('group', { name: 'ana@northwindpartners.com' }).getByTestId('sign-in-state')).toHaveText('Signed in');

  await addCustomer(page, 'fabrikam.onmicrosoft.com');
  await expect(page.getByText('Signed in to Fabrikam Inc without a browser as ana@northwindpartners.com.')).toBeVisible();
  const fabrikam = page.getByRole('complementary', { name: 'Tenant Fabrikam Inc' }).or(page.locator('[aria-label="Tenant Fabrikam Inc"]'));
  await expect(fabrikam.getByRole('group', { name: 'ana@northwindpartners.com' }).getByTestId('sign-in-state')).toHaveText('Signed in');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: /Fabrikam Inc/ })).toContainText('ana@northwindpartners.com');

  await addCustomer(page, 'tailspintoys.onmicrosoft.com');
  await expect(page.getByRole('group', { name: 'Accounts' })).toContainText('Nobody signed in yet');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
});

test('a tenant with two of our accounts shows each with its own link card, and Link all accounts links both', async ({ page, context }, testInfo) => {
  const contosoApp = '5e7c1e00-0000-4000-8000-000000000001';
  await page.setViewportSize({ width: 1280, height: 1500 });
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');

  await page.getByRole('button', { name: 'Add a service principal' }).click();
  const spForm = page.getByRole('form', { name: 'Service principal' });
  await spForm.getByLabel('Application (client) ID').fill(contosoApp);
  await spForm.getByLabel('Client secret').fill('contoso-demo-secret');
  await spForm.getByRole('button', { name: 'Save and connect' }).click();

  const ana = page.getByRole('group', { name: 'ana@northwindpartners.com' });
  const app = page.getByRole('group', { name: `app ${contosoApp}` });
  await expect(app).toContainText('Service principal');
  await expect(app).toContainText('5e7c1e0b-0000-4000-8000-000000000001');
  await expect(ana.getByText('Default', { exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Make default' })).toBeVisible();
  const row = page.getByRole('row', { name: /Contoso Ltd/ });
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('ana@northwindpartners.com +1');
  await row.click();

  await page.getByRole('button', { name: 'Sync all' }).click();
  await expect(ana.getByRole('group', { name: 'Partner link' }).getByTestId('pal-status')).toHaveText('Linked');
  await expect(app.getByRole('group', { name: 'Partner link' }).getByTestId('pal-status')).toHaveText('Not linked');
  await expect(row.getByTestId('pal-status')).toHaveText('Not linked');
  await expect(row).toContainText('1 of 2 accounts linked');
  await page.screenshot({ path: testInfo.outputPath('tenant-two-accounts.png'), fullPage: true });

  await page.getByRole('button', { name: 'Link all accounts' }).click();
  await expect(page.getByText('ana@northwindpartners.com: already linked, nothing changed')).toBeVisible();
  await expect(page.getByText(`app ${contosoApp}: linked`)).toBeVisible();
  await expect(app.getByRole('group', { name: 'Partner link' }).getByTestId('pal-status')).toHaveText('Linked');
  await expect(row.getByTestId('pal-status')).toHaveText('Linked');
  await expect(row).toContainText('2 of 2 accounts linked');
  expect(env.sim.control.partnerLinks().get('c0ffee00-0000-4000-8000-000000000001:5e7c1e0b-0000-4000-8000-000000000001')?.partnerId).toBe('1234567');
  await page.screenshot({ path: testInfo.outputPath('tenant-two-accounts-linked.png'), fullPage: true });

  await app.getByRole('button', { name: 'Make default' }).click();
  await expect(app.getByText('Default', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText(`app ${contosoApp} +1`);
});

test('partner links that a sync could not refresh are shown as a warning with their age and the reason', async ({ page, context }, testInfo) => {
  await page.goto(env.host.url);
  await addCustomer(page, 'contoso.onmicrosoft.com');
  await signInInNewTab(context, page, 'Ana Consultant');
  env.sim.control.setFaults({ errorRate: 1, errorStatus: 503, ratePathIncludes: 'ManagementPartner' });
  try {
    await page.getByRole('button', { name: 'Sync all' }).click();
    await expect(page.getByText(/Partner links could not be refreshed (just now|\d+ min ago): \S/)).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: testInfo.outputPath('tenant-stale.png') });
  } finally {
    env.sim.control.clearFaults();
  }
  await page.getByRole('button', { name: 'Sync all' }).click();
  await expect(page.getByText(/Partner links could not be refreshed/)).toHaveCount(0);
});

test('Check connection shows, for each account, its tokens, each API first page with its status, and what PAL Desk concludes', async ({ page, context }, testInfo) => {
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  await expect(page.getByRole('group', { name: 'ana@northwindpartners.com' }).getByTestId('sign-in-state')).toHaveText('Signed in');
  const before = env.sim.control.requestLog.length;
  await page.getByRole('button', { name: 'Check connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connection to Contoso Ltd' });
  const ana = dialog.getByRole('region', { name: 'Connection of ana@northwindpartners.com' });
  await expect(ana.getByRole('list', { name: 'Tokens' }).getByRole('listitem')).toHaveCount(7);
  await expect(ana.getByRole('list', { name: 'Tokens' })).toContainText('OKPower BI');
  const calls = ana.getByRole('list', { name: 'API calls' });
  await expect(calls.getByRole('listitem').filter({ hasText: 'Partner link (ARM)' })).toContainText(/OKPartner link \(ARM\): HTTP 200, \d+ ms, request [0-9a-f-]{36} — linked partner ID 1234567/);
  await expect(calls.getByRole('listitem').filter({ hasText: 'Power BI admin workspaces' })).toContainText('Fabric admin: reads every workspace');
  await expect(ana.getByRole('list', { name: 'Conclusions' })).toContainText('ana@northwindpartners.com has partner ID 1234567 linked (yours).');
  // Only reads reached Microsoft's services (token requests to the sign-in service are POSTs, as Entra's are).
  expect(env.sim.control.requestLog.slice(before).filter((r) => r.service !== 'login' && r.method !== 'GET')).toEqual([]);
  await attachScreen(page, testInfo, 'check-connection');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
