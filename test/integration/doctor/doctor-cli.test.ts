import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorAccountReport, DoctorApi, DoctorReport } from '../../../src/shared/doctor-types';
import { startSim, type RequestLogEntry, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { Inventory } from '../../../src/main/inventory/inventory';
import { PowerBiAdminBudget } from '../../../src/main/powerplatform/power-bi-budget';
import { appFixture } from '../support/app-fixture';
import { runCli, type CliRun } from '../support/cli-runner';

let sim: RunningSim;
let profileFile: string;
let userDataDir: string;
let service: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-doctor-'))));
  // The app signs Ana in to Contoso (browser) and syncs once; the CLI then shares its inventory, token cache and keychain.
  const app = await appFixture(sim);
  await app.addAndSignIn('contoso.onmicrosoft.com');
  await app.services.jobs.wait(app.services.sync.sync().jobId);
  await app.services.close();
  ({ userDataDir, service } = app);
});
afterEach(() => sim.control.clearFaults());
afterAll(async () => {
  await sim.close();
});

const doctor = (...args: string[]) => runCli({ profileFile, userDataDir, service }, ['doctor', '--tenant', 'contoso.onmicrosoft.com', '--account', 'ana@northwindpartners.com', ...args]);
const asAna = async () => {
  const run = await doctor('--json');
  const report = JSON.parse(run.stdout) as DoctorReport;
  const ana = report.accounts[0] as DoctorAccountReport;
  const api = (name: DoctorApi) => ana.apis.find((a) => a.api === name);
  const token = (audience: string) => ana.tokens.find((t) => t.audience === audience);
  return { run, report, ana, api, token };
};

describe('pal-desk doctor on the demo, for Contoso as Ana', () => {
  let json: Awaited<ReturnType<typeof asAna>>;
  let text: CliRun;
  let calls: RequestLogEntry[];
  beforeAll(async () => {
    const before = sim.control.requestLog.length;
    json = await asAna();
    calls = sim.control.requestLog.slice(before).filter((r) => r.service !== 'login');
    text = await doctor();
  });

  it('shows a token for every audience and each first page with its status, request id, time and the scope it proves', () => {
    const { run, report, ana, api, token } = json;
    expect(run.stderr).toBe('');
    expect(report.accounts).toHaveLength(1);
    expect(ana.account).toBe('ana@northwindpartners.com');
    for (const audience of ['Azure Resource Manager', 'Power Apps / BAP', 'Power Automate', 'Power BI', 'Power Platform API']) {
      expect(token(audience), audience).toMatchObject({ outcome: 'pass', failure: null });
    }
    // Contoso's two Dataverse instances, each with its own token.
    expect(ana.tokens.filter((t) => t.audience.startsWith('Dataverse (') && t.outcome === 'pass')).toHaveLength(2);

    expect(api('partner-link')).toMatchObject({ status: 200, outcome: 'pass', proved: 'linked partner ID 1234567' });
    expect(api('bap-admin-environments')).toMatchObject({ status: 200, outcome: 'pass', proved: 'admin of 2 environments on the first page (more follow)' });
    expect(api('bap-maker-environments')).toMatchObject({ status: 200, outcome: 'pass', proved: 'maker view: 2 environments on the first page (more follow)' });
    expect(api('power-apps-admin-apps')).toMatchObject({ status: 200, outcome: 'pass', proved: expect.stringMatching(/^admin: 0 apps in environment e0000000-/) });
    expect(api('flow-admin-flows')).toMatchObject({ status: 200, outcome: 'pass', proved: expect.stringMatching(/^admin: 0 flows in environment e0000000-/) });
    expect(api('power-bi-groups')).toMatchObject({ status: 200, outcome: 'pass', proved: 'member of 3 workspaces' });
    expect(api('power-bi-admin-groups')).toMatchObject({ status: 200, outcome: 'pass', proved: 'Fabric admin: reads every workspace' });
    expect(api('application-packages')).toMatchObject({ status: 200, outcome: 'pass' });
    expect(ana.apis.filter((a) => a.api === 'dataverse-users').map((a) => [a.status, a.outcome])).toEqual([
      [200, 'pass'],
      [200, 'pass'],
    ]);
    for (const line of ana.apis) {
      expect(line.requestId, line.name).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.ms, line.name).toBeGreaterThanOrEqual(0);
      expect(line.request, line.name).toMatch(/^GET https:\/\/[^?]+$/);
    }
    expect(ana.conclusions).toEqual(
      expect.arrayContaining([
        'ana@northwindpartners.com has partner ID 1234567 linked (yours).',
        'ana@northwindpartners.com administers 4 environments: PAL Desk reads their apps and flows as an admin.',
        'ana@northwindpartners.com is a Fabric admin: PAL Desk reads every Power BI workspace.',
        'ana@northwindpartners.com can read users in 2 of 2 Dataverse instances.',
      ]),
    );
    expect(ana.apis.filter((a) => a.outcome === 'fail').map((a) => a.api)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(run.code).toBe(0);
  });

  it('never writes and never calls Power BI admin datasets', () => {
    expect(calls.length).toBeGreaterThan(8);
    expect(calls.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(calls.filter((r) => r.path.includes('/admin/datasets'))).toEqual([]);
    expect(calls.filter((r) => r.path.includes('/admin/groups'))).toHaveLength(1);
  });

  it('prints the lines for a person, with the conclusions', () => {
    expect(text.stdout).toMatch(/^Contoso Ltd \(c0ffee00-[0-9a-f-]{27}\), sim cloud, checked /);
    expect(text.stdout).toMatch(/ok {4}Partner link \(ARM\) \(HTTP 200, \d+ ms, request [0-9a-f-]{36}\): linked partner ID 1234567/);
    expect(text.stdout).toMatch(/ok {4}Power BI admin workspaces \(HTTP 200, .*\): Fabric admin/);
    expect(text.stdout).toContain('- ana@northwindpartners.com is a Fabric admin: PAL Desk reads every Power BI workspace.');
  });

  it('writes JSON that parses and holds no token the sim issued', () => {
    const secrets = sim.control.issuedSecrets();
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(json.run.stdout.includes(secret)).toBe(false);
    expect(json.run.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});

describe('pal-desk doctor names every failure on its line', () => {
  it('a 403 on the BAP admin list, a 429 on the admin flows and a dropped connection to Power BI', async () => {
    sim.control.setFaults({
      next: [
        { kind: '403', count: 1, pathIncludes: '/scopes/admin/environments' },
        // The first try and the pipeline's three retries.
        { kind: '429', count: 4, pathIncludes: '/v2/flows' },
        { kind: 'reset', count: 4, pathIncludes: '/v1.0/myorg/groups' },
      ],
    });
    const { run, report, api, ana } = await asAna();
    expect(report.passed).toBe(false);
    expect(run.code).toBe(1);
    expect(api('bap-admin-environments')).toMatchObject({ status: 403, outcome: 'fail', failure: { code: 'access-denied', message: expect.stringContaining('Contoso Ltd') } });
    expect(api('flow-admin-flows')).toMatchObject({ status: 429, outcome: 'fail', failure: { code: 'throttled' } });
    expect(api('power-bi-groups')).toMatchObject({ status: null, outcome: 'fail', failure: { code: 'offline', message: expect.stringContaining('Power BI cannot be reached') } });
    // The rest still answers: the maker list stands in for the environments.
    expect(api('partner-link')).toMatchObject({ status: 200, outcome: 'pass' });
    expect(api('bap-maker-environments')).toMatchObject({ status: 200, outcome: 'pass' });
    expect(ana.conclusions).toContain('Apps and flows: only what ana@northwindpartners.com can see as a maker (4 environments); the admin list did not answer.');
  });

  it('an expired refresh token: each audience without a token says so with its AADSTS code, and its calls are not made', async () => {
    sim.control.expireRefreshTokens();
    const { run, report, ana, token, api } = await asAna();
    expect(report.passed).toBe(false);
    expect(run.code).toBe(4);
    expect(token('Power BI')).toMatchObject({ outcome: 'fail', failure: { code: 'session-expired', aadsts: 'AADSTS700082', message: expect.stringContaining('sign in again') } });
    expect(api('power-bi-admin-groups')).toMatchObject({ status: null, outcome: 'not-checked', proved: 'not called: no Power BI token (see its line)' });
    expect(ana.conclusions).toContain(`ana@northwindpartners.com gets no Power BI token without a browser: ${token('Power BI')?.failure?.message}`);
    const text = await doctor();
    expect(text.stdout).toMatch(/FAIL {2}Power BI — session-expired AADSTS700082: /);
    expect(text.stdout).toContain('Some checks need attention');
  });

  it('spends its one Power BI admin call from the budget every sync of the data folder shares: none left this minute, no call, and it says when', async () => {
    const inventory = new Inventory(userDataDir);
    const budget = new PowerBiAdminBudget(inventory.adminCalls);
    const contoso = inventory.tenants.ids({ includeArchived: false })[0] ?? '';
    try {
      for (let i = 0; i < 15; i++) budget.take(contoso, 'Contoso Ltd', 'admin/groups');
    } catch {
      // The syncs before this test may have used some of this minute's 15 already.
    } finally {
      inventory.close();
    }
    const before = sim.control.requestLog.length;
    const { ana, api } = await asAna();
    expect(sim.control.requestLog.slice(before).filter((r) => r.path.includes('/admin/groups'))).toEqual([]);
    expect(api('power-bi-admin-groups')).toMatchObject({ status: null, outcome: 'not-checked', proved: expect.stringMatching(/^not called: Power BI allows 15 admin workspace lists a minute for Contoso Ltd; PAL Desk reads them again after /) });
    expect(ana.apis.filter((a) => a.outcome === 'fail')).toEqual([]);
  });
});
