import { describe, expect, it } from 'vitest';
import { doctorExit, doctorText } from '../../../src/main/cli/doctor-output';
import type { DoctorApiLine, DoctorReport, DoctorTokenLine } from '../../../src/shared/doctor-types';

const token = (over: Partial<DoctorTokenLine> = {}): DoctorTokenLine => ({ audience: 'Power BI', resource: 'https://analysis.windows.net/powerbi/api', outcome: 'pass', failure: null, ...over });
const call = (over: Partial<DoctorApiLine> = {}): DoctorApiLine => ({
  api: 'power-bi-admin-groups',
  name: 'Power BI admin workspaces',
  request: 'GET https://api.powerbi.com/v1.0/myorg/admin/groups',
  status: 200,
  requestId: '11111111-2222-3333-4444-555555555555',
  ms: 12,
  outcome: 'pass',
  proved: 'Fabric admin: reads every workspace',
  failure: null,
  ...over,
});
const report = (tokens: DoctorTokenLine[], apis: DoctorApiLine[], passed: boolean): DoctorReport => ({
  tenantId: 'c0ffee00-0000-4000-8000-000000000001',
  tenantName: 'Contoso Ltd',
  cloud: 'public',
  checkedAt: '2026-12-07T23:00:00.000Z',
  passed,
  accounts: [{ identityId: 'h', account: 'ana@northwindpartners.com', kind: 'user', tokens, apis, conclusions: ['ana@northwindpartners.com is a Fabric admin.'] }],
});

describe('pal-desk doctor exit code and text', () => {
  it('exits 0 when every check passed, a limited scope included', () => {
    const r = report([token()], [call(), call({ api: 'power-bi-groups', outcome: 'limited', proved: 'not a Fabric admin' })], true);
    expect(doctorExit(r)).toBe(0);
    expect(doctorText(r)).toMatch(/Every check passed\.$/);
  });

  it('exits 4 when only sign-ins need the person, and names the AADSTS code on the token line', () => {
    const failure = { code: 'session-expired', message: 'Your sign-in to Contoso Ltd has expired: sign in again to continue.', aadsts: 'AADSTS700082' };
    const r = report([token({ outcome: 'fail', failure })], [call({ status: null, requestId: null, ms: null, outcome: 'not-checked', proved: 'not called: no Power BI token (see its line)' })], false);
    expect(doctorExit(r)).toBe(4);
    expect(doctorText(r)).toContain('FAIL  Power BI — session-expired AADSTS700082: Your sign-in to Contoso Ltd has expired');
    expect(doctorText(r)).toContain('skip  Power BI admin workspaces: not called: no Power BI token (see its line)');
  });

  it('exits 1 when any call failed otherwise, and shows its status and request id', () => {
    const failure = { code: 'access-denied', message: 'The account signed in to Contoso Ltd may not do this in Power Platform.', aadsts: null };
    const r = report([token()], [call({ api: 'bap-admin-environments', name: 'BAP admin environments', status: 403, outcome: 'fail', failure })], false);
    expect(doctorExit(r)).toBe(1);
    expect(doctorText(r)).toContain('FAIL  BAP admin environments (HTTP 403, 12 ms, request 11111111-2222-3333-4444-555555555555): access-denied: The account');
  });
});
