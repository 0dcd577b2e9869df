import { describe, expect, it } from 'vitest';
import { auditCsv, auditFileName, auditJson, csvCell } from '../../../src/renderer/activity/audit-file';
import type { AuditEntryView } from '../../../src/shared/view-types';

const entry = (patch: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id: 7,
  at: '2026-11-24T10:00:00.000Z',
  tenantId: '11111111-1111-4111-8111-111111111111',
  tenantName: 'Contoso Ltd',
  identity: 'ana@northwindpartners.com',
  action: 'link',
  before: null,
  after: '1234567',
  outcome: 'linked',
  requestId: 'req-1',
  message: null,
  ...patch,
});

describe('audit log export file', () => {
  it('writes the evidence export’s audit columns, one line per entry, empty cells for missing values', () => {
    expect(auditCsv([entry()])).toBe(
      'id,at,tenantId,tenantName,identity,action,before,after,outcome,requestId,message\n' +
        '7,2026-11-24T10:00:00.000Z,11111111-1111-4111-8111-111111111111,Contoso Ltd,ana@northwindpartners.com,link,,1234567,linked,req-1,\n',
    );
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}HYPERLINK("x")`).startsWith(`"'${start}`)).toBe(true);
    expect(auditCsv([entry({ tenantName: '=cmd|calc' })]).split('\n')[1]).toContain(",'=cmd|calc,");
  });

  it('quotes cells with commas, quotes or line breaks so each entry stays one record', () => {
    expect(csvCell('Contoso, Ltd')).toBe('"Contoso, Ltd"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(42)).toBe('42');
  });

  it('writes JSON with the filter it was exported with and when', () => {
    const json = JSON.parse(auditJson([entry()], { tenant: 'contoso' }, '2026-11-25T01:00:00.000Z')) as unknown;
    expect(json).toEqual({ generatedAt: '2026-11-25T01:00:00.000Z', filter: { tenant: 'contoso' }, entries: [entry()] });
  });

  it('names the file after the day of the export', () => {
    expect(auditFileName('csv', new Date('2026-11-25T01:00:00Z'))).toBe('pal-desk-audit-2026-11-25.csv');
  });
});
