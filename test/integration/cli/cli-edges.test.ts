import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim, type Scenario } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';
import { ANA } from '../support/auth-fixture';

const FORMULA = '=HYPERLINK("http://evil","x")';
const ESCAPES = '\x1b[31mRed\x1b[0m\x07';
/** Needs MFA, so a silent sign-in fails there; its name sets the terminal's title. */
const TAILSPIN = 'Tailspin \x1b]0;pwned\x07Toys';
const HOME = guid('aaaa', 1);
const tenantId = (n: number) => guid('c0ffee', n);

/** Customers whose directory names are hostile: a spreadsheet formula, colour codes and a bell, a title-setting escape. */
const hostile: Scenario = {
  name: 'hostile-names',
  publicClientId: demoScenario.publicClientId,
  tenants: [
    { tenantId: HOME, displayName: 'Northwind Partners', domains: ['northwindpartners.com'], defaultDomain: 'northwindpartners.com' },
    { tenantId: tenantId(1), displayName: FORMULA, domains: ['formula.onmicrosoft.com'], defaultDomain: 'formula.onmicrosoft.com' },
    { tenantId: tenantId(2), displayName: ESCAPES, domains: ['escapes.onmicrosoft.com'], defaultDomain: 'escapes.onmicrosoft.com' },
    { tenantId: tenantId(3), displayName: TAILSPIN, domains: ['tailspintoys.onmicrosoft.com'], defaultDomain: 'tailspintoys.onmicrosoft.com' },
  ],
  users: [
    {
      username: ANA,
      displayName: 'Ana Consultant',
      homeTenantId: HOME,
      objectId: guid('0b1ec7', 1),
      memberships: [
        { tenantId: HOME, objectId: guid('0b1ec7', 1) },
        { tenantId: tenantId(1), objectId: guid('9e57', 1) },
        { tenantId: tenantId(2), objectId: guid('9e57', 2) },
        { tenantId: tenantId(3), objectId: guid('9e57', 3), mfaRequired: true },
      ],
    },
  ],
  servicePrincipals: [],
  partnerLinks: [],
  partnerNames: { '1234567': 'Northwind Partners' },
};

/** Any C0 control but the line feed, DEL or a C1 control: what a terminal would act on instead of print. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

let sim: RunningSim;
let profileFile: string;
let userDataDir: string;
let service: string;

beforeAll(async () => {
  sim = await startSim({ scenario: hostile });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-cli-edges-'))));
  const app = await appFixture(sim);
  await app.addAndSignIn('formula.onmicrosoft.com');
  await app.addAndSignIn('escapes.onmicrosoft.com');
  await app.services.close();
  ({ userDataDir, service } = app);
});
afterAll(async () => {
  await sim.close();
});

const cli = (...args: string[]) => runCli({ profileFile, userDataDir, service }, args);

/** Requests the simulated cloud received from `mark` on that change a partner link. */
const writesSince = (mark: number) => sim.control.requestLog.slice(mark).filter((r) => r.method !== 'GET' && r.path.includes('ManagementPartner'));
const pendingActions = async () =>
  (JSON.parse((await cli('--json', 'status')).stdout) as { pendingActions: number }[]).reduce((sum, t) => sum + t.pendingActions, 0);

describe('pal-desk CLI with hostile names from customer tenants, and its loose edges', () => {
  it('prints tenant names without their control characters or escape sequences, and keeps them in JSON', async () => {
    for (const args of [['tenants', 'list'], ['status'], ['accounts', 'list']]) {
      const run = await cli(...args);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(CONTROL);
      expect(run.stdout).toContain('Red');
    }
    expect((await cli('tenants', 'list')).stdout).toContain(FORMULA);
    const json = JSON.parse((await cli('--json', 'tenants', 'list')).stdout) as { displayName: string }[];
    expect(json.map((t) => t.displayName).sort()).toEqual([FORMULA, ESCAPES].sort());
  });

  it('exports a formula-like tenant name as text in the evidence CSV, quoted so no spreadsheet runs it', async () => {
    const csv = await cli('export', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv.stdout).not.toMatch(/(^|,)"?[=+@]/m);
  });

  it('exits 2 on an unknown option, a missing required option and a bad choice, and 0 for help', async () => {
    expect(await cli('tenants', 'list', '--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--bogus'") });
    expect(await cli('unlink')).toMatchObject({ code: 2, stderr: expect.stringContaining("required option '--tenant <tenant>' not specified") });
    expect(await cli('export', '--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringContaining('Allowed choices are csv, json') });
    expect(await cli('link')).toMatchObject({ code: 2, stderr: expect.stringContaining('Give either --tenant <tenant> or --all.') });
    expect(await cli('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: pal-desk') });
  });

  it('refuses a service principal whose client ID is not a GUID before reading its secret or calling Azure', async () => {
    const mark = sim.control.requestLog.length;
    const bad = await cli('signin', '--tenant', 'formula.onmicrosoft.com', '--service-principal', 'my-app');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('"my-app" is not an application (client) ID') });
    expect(sim.control.requestLog.slice(mark)).toEqual([]);
  });

  it('refuses to unlink a partner ID that is not digits, with exit code 2 and before talking to Azure', async () => {
    const mark = sim.control.requestLog.length;
    const bad = await cli('unlink', '--tenant', 'formula.onmicrosoft.com', '--partner-id', '12ab');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('digits only') });
    expect(sim.control.requestLog.slice(mark)).toEqual([]);
  });

  it('queues every link when Azure is unreachable during link --all, and exits 5', async () => {
    await sim.control.goOffline();
    try {
      const all = await cli('link', '--all');
      expect(all.stdout).toMatch(/0 done, 0 need sign-in, 0 need confirmation, 0 failed, 2 queued or skipped/);
      expect(all.stdout).toMatch(/^ {2}Red: queued — Queued until Azure is reachable$/m);
      expect(all.code).toBe(5);
    } finally {
      await sim.control.goOnline();
    }
    expect(await pendingActions()).toBe(2);
  });

  it('checks the tenants of a sync before sending queued links: an unknown one exits 2 and the queue stays untouched', async () => {
    const mark = sim.control.requestLog.length;
    const unknown = await cli('sync', '--tenant', 'nowhere.example');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('No tracked tenant matches "nowhere.example"') });
    expect(writesSince(mark)).toEqual([]);
    expect(await pendingActions()).toBe(2);
    const sync = await cli('sync');
    // The queue is sent and the sync done; no account of ours administers these tenants' Power Platform, so only what ana sees was read (exit 10, said per product).
    expect(sync.code).toBe(10);
    expect(sync.stdout).toContain('Not read in full (the checklist counts only what was read):');
    expect(writesSince(mark).map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(await pendingActions()).toBe(0);
  });

  it('says which tenants need a person after a sync and why, with the command to run instead of a button to click', async () => {
    const discover = await cli('tenants', 'discover', '--from', 'formula.onmicrosoft.com', '--track');
    expect(discover.code).toBe(0);
    expect(discover.stdout).toContain('Tailspin Toys');
    expect(discover.stdout).not.toMatch(CONTROL);
    const sync = await cli('sync');
    expect(sync.code).toBe(4);
    expect(sync.stdout).toMatch(/1 need sign-in/);
    expect(sync.stdout).toMatch(new RegExp(`^ {2}Tailspin Toys: needs sign-in — .+ Run \`pal-desk signin --tenant ${tenantId(3)}\`\\.$`, 'm'));
    expect(sync.stdout).not.toMatch(/click/i);
    expect(sync.stdout).not.toMatch(CONTROL);
    const json = JSON.parse((await cli('--json', 'sync')).stdout) as { problems: { tenantId: string; tenantName: string; status: string; message: string }[] };
    expect(json.problems).toEqual([{ tenantId: tenantId(3), tenantName: TAILSPIN, status: 'needs-sign-in', message: expect.any(String) }]);
    const link = await cli('link', '--tenant', 'tailspintoys.onmicrosoft.com');
    expect(link.code).toBe(4);
    expect(`${link.stdout}${link.stderr}`).toContain(`Run \`pal-desk signin --tenant ${tenantId(3)}\`.`);
    expect(`${link.stdout}${link.stderr}`).not.toMatch(/click/i);
    expect(`${link.stdout}${link.stderr}`).not.toMatch(CONTROL);
  });
});
