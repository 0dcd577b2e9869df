import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { csvTable } from '../integration/support/csv-table';
import { useDemoHost } from './support/demo-host';
import { signInInNewTab, startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });
/** Each test signs in, syncs and links before it exports: on a busy machine that alone can take most of the default minute. */
test.describe.configure({ timeout: 120_000 });

const FABRIKAM = 'c0ffee00-0000-4000-8000-000000000002';
const VERDICT_OF_TEXT: Record<string, string> = { Attributed: 'attributed', 'At risk': 'at-risk', 'Not attributed': 'not-attributed', Unknown: 'unknown' };
const CHECK_STATUSES = ['pass', 'fail', 'warn', 'unknown'];
const CHECK_COLUMNS = ['check_pal', 'check_role', 'check_production', 'check_solution', 'check_several_partners'];

/** Opens an Export menu, picks one entry, and returns the downloaded file's name and text. */
async function exportVia(page: Page, menu: Locator, item: string) {
  await menu.click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function exportByButton(page: Page, name: string) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Ana adds Fabrikam, signs in, syncs it and links our partner ID there (the simulated cloud, shared by this file's tests, starts unlinked): the checklist is read and the link is audited. */
async function syncedAndLinked(page: Page, context: Parameters<typeof signInInNewTab>[0]) {
  for (const [key, link] of [...env.sim.control.partnerLinks()]) if (link.partnerId === '1234567' && key.includes(FABRIKAM)) env.sim.control.partnerLinks().delete(key);
  await page.setViewportSize({ width: 1400, height: 1400 });
  await startWithCustomer(page, context, env.host.url, 'fabrikam.onmicrosoft.com');
  await page.getByRole('button', { name: 'Sync all' }).click();
  await expect(page.getByRole('region', { name: 'Attribution checklist' }).getByRole('region', { name: 'Power BI' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Link my partner ID' }).click();
  await expect(page.getByText('Linked partner ID 1234567; Azure reads it back.')).toBeVisible();
}

test('the audit log exports as CSV and JSON from Activity: time, tenant, account, action, before, after, outcome and request id of the link', async ({ page, context }) => {
  const started = Date.now();
  await syncedAndLinked(page, context);
  await page.getByRole('tab', { name: 'Activity' }).click();
  const csv = await exportByButton(page, 'Export log as CSV');
  expect(csv.name).toMatch(/^pal-desk-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const { header, rows } = csvTable(csv.text);
  expect(header).toEqual(['id', 'at', 'tenantId', 'tenantName', 'identity', 'action', 'before', 'after', 'outcome', 'requestId', 'message']);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  expect(Date.parse(row?.at ?? '')).toBeGreaterThanOrEqual(started - 1000);
  expect(row).toMatchObject({
    tenantId: FABRIKAM,
    tenantName: 'Fabrikam Inc',
    identity: 'ana@northwindpartners.com',
    action: 'link',
    before: '',
    after: '1234567',
    outcome: 'linked',
    requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
  await expect(page.getByText(`Exported ${csv.name} to your downloads.`)).toBeVisible();

  const json = await exportByButton(page, 'Export log as JSON');
  expect(json.name).toMatch(/^pal-desk-audit-log-.*\.json$/);
  const parsed = JSON.parse(json.text) as { partnerId: string; audit: Record<string, unknown>[] };
  expect(parsed.partnerId).toBe('1234567');
  expect(parsed.audit).toEqual([
    {
      id: Number(row?.id),
      at: row?.at,
      tenantId: FABRIKAM,
      tenantName: 'Fabrikam Inc',
      identity: 'ana@northwindpartners.com',
      action: 'link',
      before: null,
      after: '1234567',
      outcome: 'linked',
      requestId: row?.requestId,
      message: row?.message || null,
    },
  ]);
});

test("a tenant's checklist exports as CSV and JSON with every resource's product, environment, verdict, checks, reason and last seen, as the app shows them; the toolbar exports PAL status", async ({ page, context }) => {
  await syncedAndLinked(page, context);
  const checklist = page.getByRole('region', { name: 'Attribution checklist' });
  const menu = checklist.getByRole('button', { name: 'Export checklist' });

  const csv = await exportVia(page, menu, 'Attribution checklist as CSV');
  expect(csv.name).toMatch(/^pal-desk-checklist-\d{4}-\d{2}-\d{2}\.csv$/);
  const { header, rows } = csvTable(csv.text);
  expect(header).toEqual(['tenant_id', 'tenant', 'product', 'environment_or_workspace', 'resource_id', 'resource', 'verdict', ...CHECK_COLUMNS, 'reason', 'remediation', 'seen_at']);
  expect(rows.map((r) => r.resource).sort()).toEqual(['Fabrikam Onboarding', 'Fabrikam Shared Calendar', 'Fabrikam welcome mail', 'Returns', 'Sales', 'Stock']);
  for (const row of rows) {
    const shown = await checklist.getByRole('group', { name: row.resource ?? '' }).getByTestId('verdict').textContent();
    expect(row, row.resource).toMatchObject({ tenant_id: FABRIKAM, tenant: 'Fabrikam Inc', verdict: VERDICT_OF_TEXT[shown ?? ''] });
    expect(['power-apps', 'power-automate', 'power-bi', 'customer-insights']).toContain(row.product);
    expect(row.environment_or_workspace).toMatch(/\S/);
    for (const column of CHECK_COLUMNS) expect(CHECK_STATUSES.concat('')).toContain(row[column]);
    expect(row.check_role).not.toBe('');
    if (row.verdict !== 'attributed') expect(row.reason, row.resource).toMatch(/\S/);
    expect(Date.now() - Date.parse(row.seen_at ?? '')).toBeLessThan(10 * 60_000);
  }
  expect(rows.find((r) => r.resource === 'Stock')).toMatchObject({ product: 'power-bi', verdict: 'not-attributed', check_role: 'fail' });

  const json = await exportVia(page, menu, 'Attribution checklist as JSON');
  const parsed = JSON.parse(json.text) as { checklist: (Record<string, string> & { checks: { id: string; status: string; reason: string }[] })[] };
  expect(parsed.checklist).toHaveLength(rows.length);
  for (const resource of parsed.checklist) {
    const csvRow = rows.find((r) => r.resource_id === resource.resource_id);
    const { checks, ...fields } = resource;
    expect(fields).toEqual(csvRow);
    expect(checks.find((c) => c.id === 'role')).toMatchObject({ status: csvRow?.check_role, reason: expect.stringMatching(/\S/) });
    expect(checks.find((c) => c.id === 'pal')?.status).toBe(csvRow?.check_pal);
  }

  const status = await exportVia(page, page.getByRole('button', { name: 'Export', exact: true }), 'PAL status as CSV');
  expect(status.name).toMatch(/^pal-desk-pal-status-.*\.csv$/);
  expect(csvTable(status.text).rows).toEqual([
    expect.objectContaining({ tenant_id: FABRIKAM, name: 'Fabrikam Inc', account: 'ana@northwindpartners.com', sign_in: 'signed-in', pal_status: 'linked', linked_partner_id: '1234567' }),
  ]);
});
