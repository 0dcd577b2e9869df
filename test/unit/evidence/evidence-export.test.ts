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

  it('neutralises every cell that starts with =, +, -, @, a tab or a carriage return (which become a space or nothing), in the audit section too', () => {
    const csv = evidenceCsv(evidence([], [audit('-2+3', '\t=1+1'), audit('\r=cmd', '@SUM(A1)')]));
    expect(csv).toContain(`'-2+3`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).toContain(`'@ana`);
    expect(csv).toContain(`,' =1+1\n`);
    expect(csv).toContain(`,'=cmd,`);
    expect(cellsOf(csv).filter((cell) => /^"?[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('quotes a cell holding a semicolon, so a spreadsheet whose separator is ";" keeps "Acme;=2+5+cmd|…" as one text cell', () => {
    const csv = evidenceCsv(evidence([tenant("Acme;=2+5+cmd|' /C calc'!A0", 'acme.onmicrosoft.com')], [audit('Fabrikam; Inc', 'x;y')]));
    expect(csv).toContain(`t-1,"Acme;=2+5+cmd|' /C calc'!A0",acme.onmicrosoft.com,`);
    expect(csv).toContain(`,"Fabrikam; Inc",`);
    expect(csv).toContain(`,"x;y"`);
    for (const line of csv.split('\n')) expect(line.replace(/"[^"]*"/g, '""')).not.toContain(';');
  });

  it('neutralises a formula behind leading spaces, tabs or line breaks, and the fullwidth ＝ ＋ － ＠', () => {
    const names = [' =1+1', '  +cmd', '\t @SUM(A1)', '\n-2+3', '＝HYPERLINK("http://evil")', '＋1', '－1', '＠SUM(A1)', ' ＝1'];
    const csv = evidenceCsv(evidence([], names.map((name) => audit(name, 'ok'))));
    for (const shown of [`' =1+1`, `'  +cmd`, `'  @SUM(A1)`, `' -2+3`, `"'＝HYPERLINK(""http://evil"")"`, `'＋1`, `'－1`, `'＠SUM(A1)`, `' ＝1`]) expect(csv).toContain(`,${shown},`);
    expect(cellsOf(csv).filter((cell) => /^"?\s*[=+\-@＝＋－＠]/.test(cell))).toEqual([]);
  });

  it('writes names on one line without control characters, escape sequences or bidi controls; the JSON keeps them', () => {
    const name = 'Fabrikam \x1b]52;c;cm0gLXJmIH4=\x07Inc\nContoso Ltd,linked \u202egnp.exe';
    const e = evidence([tenant(name, 'fabrikam.onmicrosoft.com')], []);
    expect(evidenceCsv(e)).toContain('t-1,"Fabrikam Inc Contoso Ltd,linked gnp.exe",fabrikam.onmicrosoft.com,');
    // eslint-disable-next-line no-control-regex
    expect(evidenceCsv(e)).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(JSON.parse(evidenceJson(e)).tenants[0].displayName).toBe(name);
  });

  it('leaves ordinary values, and the JSON export, as they are', () => {
    const e = evidence([tenant('Contoso Ltd', 'contoso.onmicrosoft.com')], [audit('=x', 'ok')]);
    expect(evidenceCsv(e)).toContain('t-1,Contoso Ltd,contoso.onmicrosoft.com,');
    expect(JSON.parse(evidenceJson(e)).audit[0].tenantName).toBe('=x');
  });
});
