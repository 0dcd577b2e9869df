import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { ACME, APP, FABRIKAM, FLOWS, hostileNamesScenario, hostileTenantId, PROSEWARE, WOODGROVE } from '../../sim/scenarios/hostile-names';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

/** What a terminal acts on instead of printing, or what reorders what a person reads: C0 controls but the line feed, DEL, C1, bidi controls, line separators. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
/** A line of output that a customer's name forged: it starts with another customer's name. */
const FORGED = /^\s*Contoso Ltd/m;

let sim: RunningSim;
let profileFile: string;
let userDataDir: string;
let service: string;
beforeAll(async () => {
  sim = await startSim({ scenario: hostileNamesScenario });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-cli-hostile-'))));
  const app = await appFixture(sim);
  await app.addAndSignIn('acme.onmicrosoft.com');
  await app.addAndSignIn('proseware.onmicrosoft.com');
  // Reads Acme's Power Platform environment: an app and flows with hostile names.
  await app.services.jobs.wait(app.services.sync.sync().jobId);
  await app.services.close();
  ({ userDataDir, service } = app);
});
afterAll(async () => {
  await sim.close();
});

const cli = (...args: string[]) => runCli({ profileFile, userDataDir, service }, args);
const linesOf = (text: string) => text.split('\n').filter((line) => line !== '');

describe('pal-desk CLI with hostile names from customer tenants', () => {
  it('tenants add prints the added name on one line, without the OSC 52 escape that would write the clipboard', async () => {
    const add = await cli('tenants', 'add', 'fabrikam.onmicrosoft.com');
    expect(add.code).toBe(0);
    expect(add.stdout).not.toMatch(ACTIVE);
    expect(add.stdout).not.toMatch(FORGED);
    expect(linesOf(add.stdout)).toEqual([expect.stringMatching(/^Added Fabrikam Inc Contoso Ltd: linked \(ana@northwindpartners\.com\) \(bad00000-.+\)\. Signed in without a browser/)]);
  });

  it('link prints one line per account, each starting with the whole name, so no name forges a "linked" line', async () => {
    const link = await cli('link', '--tenant', 'fabrikam.onmicrosoft.com');
    expect(link.code).toBe(0);
    expect(link.stdout).not.toMatch(ACTIVE);
    expect(link.stdout).not.toMatch(FORGED);
    expect(linesOf(link.stdout)).toEqual(['Fabrikam Inc Contoso Ltd: linked (ana@northwindpartners.com): linked (ana@northwindpartners.com)']);
  });

  it('tenants discover and the job messages of link --all print each name on its one line, so no name forges a "done" line', async () => {
    const discover = await cli('tenants', 'discover', '--from', 'acme.onmicrosoft.com', '--track');
    expect(discover.code).toBe(0);
    expect(discover.stdout).not.toMatch(ACTIVE);
    expect(discover.stdout).not.toMatch(FORGED);
    expect(discover.stdout).toMatch(new RegExp(`^\\* ${hostileTenantId(2)} {2}Woodgrove Bank {3}Contoso Ltd: done — linked {2}woodgrove\\.onmicrosoft\\.com$`, 'm'));
    expect(discover.stdout).toMatch(new RegExp(`^\\* ${hostileTenantId(4)} {2}Proseware gnp\\.exe {2}proseware\\.onmicrosoft\\.com$`, 'm'));

    const all = await cli('link', '--all');
    expect(all.code).toBe(4);
    expect(all.stdout).not.toMatch(ACTIVE);
    expect(all.stdout).not.toMatch(FORGED);
    expect(all.stdout).toMatch(/^ {2}Woodgrove Bank {3}Contoso Ltd: done — linked: needs sign-in — .+ Run `pal-desk signin --tenant bad00000-/m);
  });

  it('export to the terminal writes no escape sequence or bidi control, names on one line, a ";" cell quoted and formulas neutralised', async () => {
    const csv = await cli('export', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).not.toMatch(ACTIVE);
    expect(csv.stdout).not.toMatch(FORGED);
    expect(csv.stdout).toContain(`,"${ACME}",acme.onmicrosoft.com,`);
    expect(csv.stdout).toContain(',Fabrikam Inc Contoso Ltd: linked (ana@northwindpartners.com),fabrikam.onmicrosoft.com,');
    expect(csv.stdout).toContain(',Proseware gnp.exe,proseware.onmicrosoft.com,');
    expect(csv.stdout).toContain(',Quote Builder   Contoso Ltd: attributed,');
    expect(csv.stdout).toContain(`,' =1+1,`);
    expect(csv.stdout).toContain(`,"'＝HYPERLINK(""http://evil"")",`);
  });

  it('export as JSON to the terminal escapes every control and bidi character, and a script still reads each name exactly', async () => {
    const json = await cli('export', '--format', 'json');
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(ACTIVE);
    const evidence = JSON.parse(json.stdout) as { tenants: { displayName: string }[]; checklist: { name: string }[] };
    expect(evidence.tenants.map((t) => t.displayName).sort()).toEqual([ACME, FABRIKAM, PROSEWARE, WOODGROVE].sort());
    expect(evidence.checklist.map((r) => r.name).sort()).toEqual([APP, ...FLOWS].sort());
    const list = await cli('--json', 'tenants', 'list');
    expect(list.stdout).not.toMatch(ACTIVE);
    expect((JSON.parse(list.stdout) as { displayName: string }[]).map((t) => t.displayName)).toContain(PROSEWARE);
  });
});

describe('pal-desk CLI: small edges of export and unlink', () => {
  it.skipIf(process.platform === 'win32')('export --out over an existing file readable by others leaves it readable by its owner only (0600), as a new file is', async () => {
    const existing = path.join(mkdtempSync(path.join(tmpdir(), 'pal-export-')), 'evidence.csv');
    writeFileSync(existing, 'last month\n');
    chmodSync(existing, 0o644);
    expect((await cli('export', '--out', existing)).code).toBe(0);
    expect(statSync(existing).mode & 0o777).toBe(0o600);
    expect(readFileSync(existing, 'utf8')).toMatch(/^# PAL Desk evidence, partner ID 1234567, generated /);
  });

  it('unlink --partner-id "" says the option is empty, exits 2 and calls nothing', async () => {
    const mark = sim.control.requestLog.length;
    const empty = await cli('unlink', '--tenant', 'acme.onmicrosoft.com', '--partner-id', '');
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining('--partner-id is empty: give the partner ID to remove') });
    expect(empty.stderr).not.toContain('Set your partner ID first');
    expect(sim.control.requestLog.slice(mark)).toEqual([]);
  });
});
