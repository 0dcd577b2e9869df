import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { useDemoHost } from './support/demo-host';
import { savePartnerId, startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });
/** Each test signs in through the browser first: on a busy machine that alone can take most of the default minute. */
test.describe.configure({ timeout: 120_000 });

const CONTOSO_APP = '5e7c1e00-0000-4000-8000-000000000001';

/** Serious or critical accessibility violations inside one part of the page. */
async function seriousViolations(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('Settings shows the simulated cloud and its endpoints, every account with its tenants and sign-in state, the data folder and About for the browser host', async ({ page, context }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 1600 });
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  await page.getByRole('tab', { name: 'Settings' }).click();

  const cloud = page.getByRole('region', { name: 'Cloud profile' });
  await expect(cloud).toContainText('Simulated cloud: no real tenant is contacted');
  await expect(cloud.getByRole('row', { name: /Sign-in \(Entra ID\)/ })).toContainText(env.sim.profile.endpoints.authorityHost);
  await expect(cloud.getByRole('row', { name: /Azure Resource Manager/ })).toContainText(env.sim.profile.endpoints.arm);

  const accounts = page.getByRole('region', { name: 'Accounts and service principals' });
  await expect(accounts.getByRole('row', { name: /ana@northwindpartners\.com/ })).toContainText('Contoso Ltd: signed in');
  await accounts.getByLabel('Customer tenant').selectOption({ label: 'Contoso Ltd' });
  const spForm = accounts.getByRole('form', { name: 'Service principal' });
  await spForm.getByLabel('Application (client) ID').fill(CONTOSO_APP);
  await spForm.getByLabel('Client secret').fill('contoso-demo-secret');
  await spForm.getByRole('button', { name: 'Save and connect' }).click();
  await expect(accounts.getByText('The service principal is connected.')).toBeVisible();
  await expect(accounts.getByRole('row', { name: new RegExp(`app ${CONTOSO_APP}`) })).toContainText('Contoso Ltd: signed in');

  const data = page.getByRole('region', { name: 'Data location' });
  await expect(data).toContainText(env.userDataDir);
  await expect(data).toContainText(/Inventory database: \d+\.\d (KB|MB)/);
  await expect(data.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);

  const about = page.getByRole('region', { name: 'About' });
  await expect(about).toContainText(/PAL Desk \d+\.\d+\.\d+/);
  // The app's icon, loaded under the page's CSP (a blocked or missing image has no natural width).
  const icon = about.getByRole('img', { name: 'PAL Desk' });
  await expect(icon).toBeVisible();
  await expect.poll(() => icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(about).toContainText(/browser host \(Node \d+\./);
  await expect(about).toContainText(env.userDataDir);
  await about.getByRole('button', { name: 'Open-source licences' }).click();
  await expect(about.getByRole('list', { name: 'Open-source licences' })).toContainText('Electron (with Chromium and Node.js)');
  await page.screenshot({ path: testInfo.outputPath('settings.png'), fullPage: true });
  expect(await seriousViolations(page, 'section[aria-labelledby="settings-title"]')).toEqual([]);

  await accounts.getByRole('button', { name: 'Sign out everywhere: ana@northwindpartners.com' }).click();
  await expect(accounts.getByText('ana@northwindpartners.com is signed out of every tenant.')).toBeVisible();
  await expect(accounts.getByRole('row', { name: /ana@northwindpartners\.com/ })).toHaveCount(0);
  await expect(accounts.getByRole('row', { name: new RegExp(`app ${CONTOSO_APP}`) })).toContainText('Contoso Ltd: signed in');
});

test('the sign-in application and the cloud to start on are saved for the next start, each saying so, and kept after a reload', async ({ page }) => {
  await page.goto(env.host.url);
  await savePartnerId(page, '1234567');
  await page.getByRole('tab', { name: 'Settings' }).click();

  const signInApp = page.getByRole('form', { name: 'Sign-in application' });
  await signInApp.getByLabel('Application (client) ID').fill('not-a-guid');
  await signInApp.getByRole('button', { name: 'Save' }).click();
  await expect(signInApp).toContainText('"not-a-guid" is not an application (client) ID');
  await signInApp.getByLabel('Application (client) ID').fill(CONTOSO_APP);
  await signInApp.getByRole('button', { name: 'Save' }).click();
  await expect(signInApp).toContainText('Saved. Restart PAL Desk to sign in with it.');

  const cloudForm = page.getByRole('form', { name: 'Cloud to start on' });
  await cloudForm.getByLabel('Cloud to start on (applies after a restart)').selectOption({ label: 'US Government (GCC)' });
  await cloudForm.getByRole('button', { name: 'Save' }).click();
  await expect(cloudForm).toContainText('Saved. PAL Desk uses US Government (GCC) after a restart.');

  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Sign-in application' }).getByLabel('Application (client) ID')).toHaveValue(CONTOSO_APP);
  await expect(page.getByRole('form', { name: 'Cloud to start on' }).getByLabel('Cloud to start on (applies after a restart)')).toHaveValue('gcc');
});

test('Forget everything names what it deletes, needs the typed word, and brings the app back to first run without a restart', async ({ page, context }, testInfo) => {
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  await expect(page.getByRole('row', { name: /Contoso Ltd/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Settings' }).click();

  await page.getByRole('button', { name: 'Forget everything…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Forget everything?' });
  const deleted = dialog.getByRole('list', { name: 'What will be deleted' });
  for (const item of ['customer tenant', 'audit log', 'queued actions', 'OS keychain', 'partner ID']) await expect(deleted).toContainText(item);
  const confirm = dialog.getByRole('button', { name: 'Delete everything' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type "forget" to confirm/).fill('forge');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type "forget" to confirm/).fill('forget');
  await dialog.screenshot({ path: testInfo.outputPath('forget-everything.png') });
  expect(await seriousViolations(page, '[role="alertdialog"]')).toEqual([]);
  await confirm.click();

  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Everything was forgotten at .*: 1 tenant, \d+ audit entr(y|ies) \(the audit log itself is gone\)/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '1. Your partner ID' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible();
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByRole('table', { name: 'Audit log' }).getByRole('row', { name: /Contoso/ })).toHaveCount(0);
});
