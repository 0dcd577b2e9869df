import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../src/main/evidence/evidence-export';
import { evidenceFile } from '../../../src/main/evidence/evidence-files';
import type { AuditEntryView, TenantView } from '../../../src/shared/view-types';

const entry = (id: number, tenantId: string, at: string, outcome: string, action = 'link'): AuditEntryView => ({
  id, at, tenantId, tenantName: tenantId === 't-1' ? 'Contoso Ltd' : 'Fabrikam Inc', identity: 'ana@northwindpartners.com', action, before: null, after: '1234567', outcome, requestId: `req-${id}`, message: null,
});
const tenant = (tenantId: string, displayName: string): TenantView =>
  ({ tenantId, displayName, label: null, defaultDomain: null, accounts: [], pal: { status: 'not-linked' } }) as unknown as TenantView;

const evidence: Evidence = {
  generatedAt: '2026-11-25T01:00:00.000Z',
  partnerId: '1234567',
  tenants: [tenant('t-1', 'Contoso Ltd'), tenant('t-2', 'Fabrikam Inc')],
  checklist: [],
  audit: [entry(3, 't-2', '2026-11-24T12:00:00.000Z', 'failed', 'unlink'), entry(2, 't-1', '2026-11-23T12:00:00.000Z', 'linked'), entry(1, 't-2', '2026-11-01T12:00:00.000Z', 'linked')],
};

describe('export files', () => {
  it('names the file after what it holds and the day, with the MIME type of its format', () => {
    expect(evidenceFile(evidence, { what: 'checklist', format: 'csv' })).toMatchObject({ fileName: 'pal-desk-checklist-2026-11-25.csv', mimeType: 'text/csv' });
    expect(evidenceFile(evidence, { what: 'audit', format: 'json' })).toMatchObject({ fileName: 'pal-desk-audit-log-2026-11-25.json', mimeType: 'application/json' });
    expect(evidenceFile(evidence, { what: 'status', format: 'csv' }).fileName).toBe('pal-desk-pal-status-2026-11-25.csv');
    expect(evidenceFile(evidence, { what: 'all', format: 'json' }).fileName).toBe('pal-desk-evidence-2026-11-25.json');
  });

  it('keeps only the tenants asked for, in every part', () => {
    const json = JSON.parse(evidenceFile(evidence, { what: 'all', format: 'json', tenantIds: ['t-2'] }).content) as Evidence;
    expect(json.tenants.map((t) => t.tenantId)).toEqual(['t-2']);
    expect(json.audit.map((a) => a.id)).toEqual([3, 1]);
  });

  it('writes the audit log alone as a CSV table with its header', () => {
    const csv = evidenceFile({ ...evidence, audit: evidence.audit.filter((a) => a.outcome === 'failed') }, { what: 'audit', format: 'csv' }).content;
    expect(csv.split('\n')).toEqual(['id,at,tenantId,tenantName,identity,action,before,after,outcome,requestId,message', '3,2026-11-24T12:00:00.000Z,t-2,Fabrikam Inc,ana@northwindpartners.com,unlink,,1234567,failed,req-3,', '']);
  });
});
