import { describe, expect, it } from 'vitest';
import type { AuditEntryView, TenantView } from '../../../src/shared/view-types';
import { evidenceCsv, evidenceJson, type Evidence } from '../../../src/main/evidence/evidence-export';

const tenant = (displayName: string, defaultDomain: string): TenantView =>
  ({ tenantId: 't-1', displayName, label: null, defaultDomain, accounts: [], pal: { status: 'unknown' } }) as unknown as TenantView;

const audit = (tenantName: string, message: string): AuditEntryView => ({
  id: 1, at: '2025-01-01T00:00:00.000Z', tenantId: 't-1', tenantName, identity: '@ana', action: 'link', before: null, after: '1234567', outcome: 'linked', requestId: null, message,
});

const evidence = (tenants: TenantView[], entries: AuditEntryView[]): Evidence => ({ generatedAt: '2025-01-01T00:00:00.000Z', partnerId: '1234567', tenants, checklist: [], audit: entries });

const cellsOf = (csv: string) => csv.split('\n').flatMap((line) => line.split(','));

describe('evidence CSV against formula injection', () => {
  it('prefixes a tenant name that starts like a formula with a single quote, so a spreadsheet shows it as text', () => {
    const csv = evidenceCsv(evidence([tenant('=HYPERLINK("http://evil","x")', '+cmd.example')], []));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain(`'+cmd.example`);
  });

  it('neutralises every cell that starts with =, +, -, @, a tab or a carriage return, in the audit section too', () => {
    const csv = evidenceCsv(evidence([], [audit('-2+3', '\t=1+1'), audit('\r=cmd', '@SUM(A1)')]));
    expect(csv).toContain(`'-2+3`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).toContain(`'@ana`);
    expect(csv).toContain(`,'\t=1+1`);
    expect(csv).toContain(`"'\r=cmd"`);
    expect(cellsOf(csv).filter((cell) => /^"?[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('leaves ordinary values, and the JSON export, as they are', () => {
    const e = evidence([tenant('Contoso Ltd', 'contoso.onmicrosoft.com')], [audit('=x', 'ok')]);
    expect(evidenceCsv(e)).toContain('t-1,Contoso Ltd,contoso.onmicrosoft.com,');
    expect(JSON.parse(evidenceJson(e)).audit[0].tenantName).toBe('=x');
  });
});
