import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { csvTable } from '../integration/support/csv-table';
import { guid } from '../sim/scenario';
import { useDemoHost } from './support/demo-host';
import { attachScreen, savePartnerId, signInThrough } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true, viewport: { width: 1600, height: 1000 } });

const FABRIKAM = guid('c0ffee', 2);
const ANA_IN = (n: number) => guid('9e57', n);

const panel = (page: Page) => page.getByRole('complementary', { name: /Syncing|Linking all customers/ });
const panelRow = (page: Page, tenant: string) => panel(page).getByRole('listitem', { name: tenant });
const tenantRow = (page: Page, tenant: string) => page.getByRole('row', { name: new RegExp(tenant) });

/** Opens a tenant's detail from the list. */
async function openTenant(page: Page, tenant: string) {
  await tenantRow(page, tenant).click();
  await expect(page.locator(`[aria-label="Tenant ${tenant}"]`)).toBeVisible();
}

test('a new consultant sets up PAL Desk, discovers and links every customer, confirms a replacement, works offline and reads a checklist', async ({ page, context }, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(env.host.url);

  await test.step('first run explains PAL and the demo, and takes the partner ID', async () => {
    await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/Associated MPN ID/).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Try the demo' })).toBeVisible();
    await attachScreen(page, testInfo, 'first-run');
    await page.getByLabel('Partner ID (Associated MPN ID)').fill('12-AB');
    await page.getByRole('form', { name: 'Partner ID' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('"12-AB" is not a partner ID: use digits only')).toBeVisible();
    await savePartnerId(page, '1234567');
  });

  await test.step('signs in once and tracks every customer the account reaches', async () => {
    await page.getByLabel("Your home domain or one customer's domain").fill('northwindpartners.com');
    await signInThrough(context, page.getByRole('button', { name: 'Sign in and discover' }), 'Ana Consultant');
    const found = page.getByRole('region', { name: 'Directories found' });
    for (const name of ['Contoso Ltd', 'Fabrikam Inc', 'Adventure Works', 'Tailspin Toys', 'Wide World Importers', 'Proseware']) {
      await expect(found.getByRole('checkbox', { name })).toBeChecked();
    }
    await expect(found.getByRole('checkbox', { name: 'Northwind Partners' })).toBeDisabled();
    await expect(found.getByRole('listitem').filter({ hasText: 'Northwind Partners' })).toContainText('Already tracked');
    await expect(found.getByRole('checkbox', { name: 'Woodgrove Bank' })).toHaveCount(0);
    await attachScreen(page, testInfo, 'discover');
    await found.getByRole('button', { name: 'Track selected (6)' }).click();

    await expect(tenantRow(page, 'Proseware')).toBeVisible();
    await expect(panel(page).getByTestId('job-summary')).toBeVisible({ timeout: 30_000 });
    await expect(panelRow(page, 'Tailspin Toys').getByTestId('job-row-state')).toHaveText('Needs sign-in');
    await expect(panelRow(page, 'Contoso Ltd').getByTestId('job-row-state')).toHaveText('Synced');
    await expect(page.getByRole('heading', { name: 'Welcome to PAL Desk' })).toHaveCount(0);
    await attachScreen(page, testInfo, 'tenants-after-discover');
  });

  await test.step('links one tenant from its detail', async () => {
    await openTenant(page, 'Fabrikam Inc');
    await page.getByRole('button', { name: 'Link my partner ID' }).click();
    await expect(page.getByText('Linked partner ID 1234567; Azure reads it back.')).toBeVisible();
    await expect(tenantRow(page, 'Fabrikam Inc').getByTestId('pal-status')).toHaveText('Linked');
    await attachScreen(page, testInfo, 'tenant-detail');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('links all: the MFA tenant is signed in from the panel and linked, the other partner waits for a person', async () => {
    await page.getByRole('button', { name: 'Link all', exact: true }).click();
    await expect(panel(page)).toContainText('Linking all customers');
    const summary = panel(page).getByTestId('job-summary');
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(summary).toHaveText("2 linked, 2 already linked, 2 need sign-in, 1 another partner's ID");
    await expect(panelRow(page, 'Tailspin Toys').getByTestId('job-row-state')).toHaveText('Needs sign-in');
    await expect(panelRow(page, 'Adventure Works').getByTestId('job-row-state')).toHaveText("Another partner's ID");
    await attachScreen(page, testInfo, 'link-all-panel');

    await signInThrough(context, panel(page).getByRole('button', { name: 'Sign in to Tailspin Toys' }), 'Ana Consultant');
    await expect(panelRow(page, 'Tailspin Toys').getByTestId('job-row-state')).toHaveText('Signed in');
    await panel(page).getByRole('button', { name: 'Retry Tailspin Toys' }).click();
    await expect(panelRow(page, 'Tailspin Toys').getByTestId('job-row-state')).toHaveText('Linked');
    expect(env.sim.control.partnerLinks().get(`${guid('c0ffee', 4)}:${ANA_IN(4)}`)?.partnerId).toBe('1234567');
  });

  await test.step("replaces another partner's ID only after the person confirms it", async () => {
    const adventureWorks = `${guid('c0ffee', 3)}:${ANA_IN(3)}`;
    await panel(page).getByRole('button', { name: 'Review Adventure Works' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('linked to partner ID 7654321');
    await attachScreen(page, testInfo, 'confirm-replace');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(env.sim.control.partnerLinks().get(adventureWorks)?.partnerId).toBe('7654321');

    await panel(page).getByRole('button', { name: 'Review Adventure Works' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Replace 7654321' }).click();
    await expect(panelRow(page, 'Adventure Works').getByTestId('job-row-state')).toHaveText('Replaced');
    expect(env.sim.control.partnerLinks().get(adventureWorks)?.partnerId).toBe('1234567');
    await expect(tenantRow(page, 'Adventure Works').getByTestId('pal-status')).toHaveText('Linked');
    await page.getByRole('button', { name: 'Hide progress' }).click();
    await expect(page.getByRole('button', { name: /Linking all customers finished: .*Show progress/ })).toBeVisible();
  });

  await test.step('a link made offline is queued, shown pending, and sent once when Azure is back', async () => {
    await openTenant(page, 'Fabrikam Inc');
    await page.getByRole('button', { name: 'Remove link' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove link' }).click();
    await expect(page.getByText('Removed partner ID 1234567; Azure reads no link back.')).toBeVisible();
    const writesLog = `${env.sim.profile.endpoints.arm}/__control/writes`;
    const fabrikamLinks = async () =>
      ((await (await page.request.get(writesLog)).json()) as { method: string; tenantId: string; objectId: string }[]).filter(
        (w) => w.tenantId === FABRIKAM && w.objectId === ANA_IN(2) && w.method !== 'DELETE',
      ).length;
    const before = await fabrikamLinks();

    await env.sim.control.goOffline();
    await page.getByRole('button', { name: 'Link my partner ID' }).click();
    await expect(page.getByText('Offline: the link is queued and will be sent when Azure is reachable.')).toBeVisible();
    await expect(tenantRow(page, 'Fabrikam Inc').getByTestId('pal-status')).toHaveText('Pending');
    await attachScreen(page, testInfo, 'offline-pending');

    await env.sim.control.goOnline();
    await page.getByRole('button', { name: 'Sync all' }).click();
    await expect(tenantRow(page, 'Fabrikam Inc').getByTestId('pal-status')).toHaveText('Linked', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: /Syncing finished: .*Show progress/ })).toBeVisible({ timeout: 30_000 });
    expect(await fabrikamLinks()).toBe(before + 1);
    expect(env.sim.control.partnerLinks().get(`${FABRIKAM}:${ANA_IN(2)}`)?.partnerId).toBe('1234567');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  await test.step("opens a tenant's attribution checklist", async () => {
    await openTenant(page, 'Contoso Ltd');
    const checklist = page.getByRole('region', { name: 'Attribution checklist' });
    await expect(checklist.getByRole('region', { name: 'Power Apps' })).toBeVisible();
    await expect(checklist.getByRole('region', { name: 'Power Apps' }).getByRole('group', { name: 'Inspection Checklist', exact: true }).getByTestId('verdict')).toHaveText('Attributed');
    await attachScreen(page, testInfo, 'checklist');
  });

  await test.step('exports the checklist and the audit log, each field as the app shows it', async () => {
    const checklist = page.getByRole('region', { name: 'Attribution checklist' });
    await checklist.getByRole('button', { name: 'Export checklist' }).click();
    const checklistFile = await download(page, page.getByRole('menuitem', { name: 'Attribution checklist as CSV' }));
    const { rows } = csvTable(checklistFile);
    expect(rows).toHaveLength(await checklist.getByTestId('verdict').count());
    for (const row of rows) {
      const shown = await checklist.getByRole('group', { name: row.resource ?? '', exact: true }).getByTestId('verdict').textContent();
      expect(row, row.resource).toMatchObject({ tenant: 'Contoso Ltd', verdict: VERDICT_OF_TEXT[shown ?? ''] });
    }
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('tab', { name: 'Activity' }).click();
    const audit = csvTable(await download(page, page.getByRole('button', { name: 'Export log as CSV' }))).rows;
    expect(audit.find((r) => r.tenantName === 'Adventure Works' && r.action === 'replace')).toMatchObject({ before: '7654321', after: '1234567', outcome: 'replaced', identity: 'ana@northwindpartners.com' });
    expect(audit.filter((r) => r.tenantName === 'Fabrikam Inc' && r.action === 'link' && r.outcome === 'linked')).toHaveLength(2);
  });
});

const VERDICT_OF_TEXT: Record<string, string> = { Attributed: 'attributed', 'At risk': 'at-risk', 'Not attributed': 'not-attributed', Unknown: 'unknown' };

/** Clicks what starts a download and returns the downloaded file's text. */
async function download(page: Page, trigger: Locator): Promise<string> {
  const file = page.waitForEvent('download');
  await trigger.click();
  return readFileSync(await (await file).path(), 'utf8');
}
