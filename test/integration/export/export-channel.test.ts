import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/export-types';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { silentLogger } from '../../../src/main/logger';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';
import { csvTable } from '../support/csv-table';

let sim: RunningSim;
let app: Awaited<ReturnType<typeof appFixture>>;
const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
const ADVENTURE_WORKS = guid('c0ffee', 3);

/** Ana tracks Contoso (linked), Fabrikam and Adventure Works (another partner's ID), syncs them, and links Fabrikam. */
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  app = await appFixture(sim);
  await app.addAndSignIn('contoso.onmicrosoft.com');
  await app.handlers['tenants:discover']({ tenantId: CONTOSO });
  await app.handlers['tenants:track']({ tenantIds: [FABRIKAM, ADVENTURE_WORKS] });
  await app.services.idle();
  await app.services.jobs.wait((await app.handlers['inventory:sync']({})).jobId);
  await app.handlers['pal:link']({ tenantId: FABRIKAM });
}, 60_000);
afterAll(async () => {
  await app.services.close();
  await sim.close();
});

const download = async (request: unknown) => {
  const result = await dispatch(app.handlers as never, 'export:save', request, silentLogger);
  if (!result.ok) throw new Error(result.error.message);
  const file = result.value as ExportResult;
  if (file.outcome !== 'download') throw new Error(`expected a download, got ${file.outcome}`);
  return file;
};
const csvRows = (content: string) => csvTable(content).rows;

describe('export from the app (browser host: the file comes back to download)', () => {
  it('exports one tenant\'s checklist as CSV: one row per resource with each check, reason and last seen', async () => {
    const file = await download({ what: 'checklist', format: 'csv', tenantIds: [CONTOSO] });
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^pal-desk-checklist-\d{4}-\d{2}-\d{2}\.csv$/), mimeType: 'text/csv' });
    const rows = csvRows(file.content);
    expect(rows).toHaveLength(17);
    expect(new Set(rows.map((r) => r.tenant))).toEqual(new Set(['Contoso Ltd']));
    expect(rows.find((r) => r.resource === 'Pipeline')).toMatchObject({ product: 'power-bi', verdict: 'attributed', check_pal: 'pass', check_role: 'pass' });
    expect(rows.find((r) => r.resource === 'Customer Service Hub')).toMatchObject({ verdict: 'not-attributed', check_role: 'fail', reason: expect.stringMatching(/SYSTEM/) });
    expect(rows.every((r) => r.seen_at && r.environment_or_workspace)).toBe(true);
  });

  it('exports the audit log as JSON with time, tenant, account, action, before, after, outcome and request id', async () => {
    const file = await download({ what: 'audit', format: 'json' });
    const { audit } = JSON.parse(file.content) as { audit: Record<string, unknown>[] };
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      at: expect.any(String),
      tenantId: FABRIKAM,
      tenantName: 'Fabrikam Inc',
      before: null,
      identity: 'ana@northwindpartners.com',
      outcome: 'linked',
      after: '1234567',
      requestId: expect.any(String),
    });
  });

  it('narrows the audit log to the Activity page\'s filter', async () => {
    const none = await download({ what: 'audit', format: 'csv', audit: { outcomes: ['read-back-mismatch'] } });
    expect(csvRows(none.content)).toEqual([]);
    const found = await download({ what: 'audit', format: 'csv', audit: { tenant: 'fabrikam', from: '2000-01-01T00:00:00Z' } });
    expect(csvRows(found.content).map((r) => r.tenantName)).toEqual(['Fabrikam Inc']);
  });

  it('exports every account\'s partner-link status, Adventure Works showing the other partner\'s ID', async () => {
    const rows = csvRows((await download({ what: 'status', format: 'csv' })).content);
    expect(rows.find((r) => r.tenant_id === CONTOSO)).toMatchObject({ account: 'ana@northwindpartners.com', pal_status: 'linked', linked_partner_id: '1234567' });
    expect(rows.find((r) => r.tenant_id === ADVENTURE_WORKS)).toMatchObject({ pal_status: 'other-partner', linked_partner_id: '7654321' });
  });

  it('never carries a token or secret, even in "everything" as JSON', async () => {
    const file = await download({ what: 'all', format: 'json' });
    expect(file.fileName).toMatch(/^pal-desk-evidence-.*\.json$/);
    expect(file.content).not.toMatch(/eyJ[\w-]+\.[\w-]+|refresh_token|access_token|secret/i);
  });

  it('refuses a request it cannot read, saying what to do', async () => {
    const result = await dispatch(app.handlers as never, 'export:save', { what: 'tokens', format: 'csv' }, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/try again/) } });
  });
});
