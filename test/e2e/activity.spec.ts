import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { PalDeskBridge } from '../../src/shared/ipc-contract';
import type { AuditFilter } from '../../src/shared/audit-filter';
import type { AuditEntryView } from '../../src/shared/view-types';
import { useDemoHost } from './support/demo-host';
import { addCustomer, startWithCustomer } from './support/journey-steps';

const env = useDemoHost();

test.use({ ignoreHTTPSErrors: true });

/** The audit entries main holds for a filter, read through the page's own bridge. */
async function auditInMain(page: Page, filter: AuditFilter): Promise<AuditEntryView[]> {
  return page.evaluate(async (f) => {
    const result = await (window as unknown as { palDesk: PalDeskBridge }).palDesk.activity.listAudit({ limit: 100, filter: f });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }, filter);
}

/** Tabster's focus sentinels (`data-tabster-dummy`, aria-hidden by design) are a known axe false positive: microsoft/tabster#288. */
async function expectNoSeriousViolation(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('main').exclude('[data-tabster-dummy]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A local calendar day as the date fields take it, `days` from today. */
function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Splits a CSV line that has no quoted cells. */
const cells = (line: string) => line.split(',');

test('the audit log filters by tenant, outcome and date in main, and exports the filtered entries field by field', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await startWithCustomer(page, context, env.host.url, 'contoso.onmicrosoft.com');
  await page.getByRole('button', { name: 'Link all accounts' }).click();
  await expect(page.getByText('ana@northwindpartners.com: already linked, nothing changed')).toBeVisible();
  await addCustomer(page, 'fabrikam.onmicrosoft.com');
  await expect(page.getByText('Signed in to Fabrikam Inc without a browser')).toBeVisible();
  await page.getByRole('button', { name: 'Link my partner ID' }).click();
  await expect(page.getByText('Linked partner ID 1234567; Azure reads it back.')).toBeVisible();

  await page.getByRole('tab', { name: 'Activity' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  const rows = log.getByRole('row').filter({ has: page.getByRole('cell') });
  const filters = page.getByRole('search', { name: 'Audit log filters' });
  await expect(rows).toHaveCount(2);

  await filters.getByLabel('Tenant').fill('fabrik');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Fabrikam Inc');
  await expect(rows.first()).toContainText('linked');

  await filters.getByLabel('Tenant').fill('');
  await filters.getByLabel('Outcome').selectOption({ label: 'Already linked' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Contoso Ltd');
  await expect(rows.first()).toContainText('already-linked');

  await filters.getByLabel('Tenant').fill('fabrik');
  await expect(log).toHaveCount(0);
  await expect(page.getByText('No entry matches these filters. Change or clear them to see more.')).toBeVisible();

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(2);
  await filters.getByLabel('From').fill(localDay(1));
  await expect(log).toHaveCount(0);
  await filters.getByLabel('From').fill(localDay(0));
  await filters.getByLabel('To').fill(localDay(0));
  await expect(rows).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('activity-filtered.png'), fullPage: true });

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Tenant').fill('contoso');
  await expect(rows).toHaveCount(1);
  const [contosoEntry] = await auditInMain(page, { tenant: 'contoso' });
  expect(contosoEntry).toMatchObject({ tenantName: 'Contoso Ltd', action: 'link', outcome: 'already-linked' });

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export filtered log as CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^pal-desk-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await csv.path(), 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  const header = cells(lines[0] ?? '');
  expect(header).toEqual(['id', 'at', 'tenantId', 'tenantName', 'identity', 'action', 'before', 'after', 'outcome', 'requestId', 'message']);
  const row = Object.fromEntries(header.map((name, i) => [name, cells(lines[1] ?? '')[i]]));
  expect(row).toEqual({
    id: String(contosoEntry?.id),
    at: contosoEntry?.at,
    tenantId: contosoEntry?.tenantId,
    tenantName: 'Contoso Ltd',
    identity: 'ana@northwindpartners.com',
    action: 'link',
    before: '1234567',
    after: '1234567',
    outcome: 'already-linked',
    requestId: contosoEntry?.requestId ?? '',
    message: 'No write was needed.',
  });
  await expect(page.getByText(`Exported ${csv.suggestedFilename()} to your downloads.`)).toBeVisible();

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export filtered log as JSON' }).click();
  const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as { filter: AuditFilter; audit: AuditEntryView[] };
  expect(json.filter).toEqual({ tenant: 'contoso' });
  expect(json.audit).toEqual([contosoEntry]);
});

test('a link Azure asks to retry later waits in the queue, and Activity shows until when, its attempts and its age', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  for (const [key, link] of [...env.sim.control.partnerLinks()]) if (key.startsWith('c0ffee00-0000-4000-8000-000000000002:') && link.partnerId === '1234567') env.sim.control.partnerLinks().delete(key);
  await startWithCustomer(page, context, env.host.url, 'fabrikam.onmicrosoft.com');
  env.sim.control.setFaults({ throttleRate: 1, retryAfterSeconds: 600, ratePathIncludes: 'ManagementPartner' });
  try {
    await page.getByRole('button', { name: 'Link my partner ID' }).click();
    await expect(page.getByText('Offline: the link is queued and will be sent when Azure is reachable.')).toBeVisible();
  } finally {
    env.sim.control.clearFaults();
  }

  await page.getByRole('tab', { name: 'Activity' }).click();
  const queued = page.getByRole('table', { name: 'Queued actions' }).getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(queued).toHaveCount(1);
  const cellTexts = await queued.first().getByRole('cell').allInnerTexts();
  expect(cellTexts.slice(0, 3)).toEqual(['Fabrikam Inc', 'ana@northwindpartners.com', 'Link partner ID 1234567']);
  expect(cellTexts[3]).toMatch(/^Waiting until \d{1,2}:\d{2}/);
  expect(cellTexts.slice(4)).toEqual(['0', 'just now']);
  await expect(page.getByText('Nothing yet. Every partner link PAL Desk creates, updates or removes will be listed here with its outcome.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('activity-queued.png'), fullPage: true });
  await expectNoSeriousViolation(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolation(page);
});
