import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

let sim: RunningSim;
let profileFile: string;
let userDataDir: string;
let service: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-cli-'))));
  // The app signs in once (browser); the CLI then shares its inventory, token cache and keychain entries.
  const app = await appFixture(sim);
  await app.addAndSignIn('contoso.onmicrosoft.com');
  await app.services.close();
  ({ userDataDir, service } = app);
});
afterAll(async () => {
  await sim.close();
});

/** Runs the CLI on the app's data folder; `input` goes to its standard input, `env` adds variables. */
const cliWith = (options: { input?: string; env?: Record<string, string> }, ...args: string[]) => runCli({ profileFile, userDataDir, service }, args, options);
const cli = (...args: string[]) => cliWith({}, ...args);

describe('pal-desk CLI on the same inventory and keychain as the app', () => {
  it('lists what the app signed in to, and discovers and tracks the rest', async () => {
    const list = await cli('tenants', 'list');
    expect(list).toMatchObject({ code: 0 });
    expect(list.stdout).toContain('Contoso Ltd');
    expect(list.stdout).toContain('ana@northwindpartners.com');
    const discover = await cli('tenants', 'discover', '--from', 'contoso.onmicrosoft.com', '--track');
    expect(discover.stderr).toBe('');
    expect(discover.code).toBe(0);
    expect(discover.stdout).toContain('Fabrikam Inc');
  });

  it('syncs and says, through its exit code, that some tenants need a sign-in', async () => {
    const sync = await cli('sync');
    expect(sync.stdout).toMatch(/\d+ done, 2 need sign-in/);
    expect(sync.code).toBe(4);
    const status = JSON.parse((await cli('--json', 'status')).stdout) as { displayName: string; pal: { status: string } }[];
    expect(status.find((t) => t.displayName === 'Adventure Works')?.pal.status).toBe('other-partner');
  });

  it('never replaces another partner without --yes-replace, and does with it', async () => {
    const refused = await cli('link', '--tenant', 'Adventure Works');
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('partner ID 7654321 is linked; add --yes-replace');
    const replaced = await cli('link', '--tenant', 'Adventure Works', '--yes-replace');
    expect(replaced).toMatchObject({ code: 0, stdout: expect.stringContaining('Adventure Works: replaced') });
  });

  it('links all, unlinks one, and exports the evidence as CSV and JSON', async () => {
    const all = await cli('link', '--all');
    expect(all.stdout).toMatch(/need sign-in/);
    const unlink = await cli('unlink', '--tenant', 'fabrikam.onmicrosoft.com');
    expect(unlink).toMatchObject({ code: 0, stdout: expect.stringContaining('Fabrikam Inc: unlinked') });
    const csv = await cli('export', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('tenant_id,name,domain,account,object_id,sign_in,pal_status,linked_partner_id,seen_at');
    expect(csv.stdout).toMatch(/Fabrikam Inc,ana@northwindpartners.com,unlink,1234567,,unlinked/);
    const json = JSON.parse((await cli('export', '--format', 'json')).stdout) as { partnerId: string; tenants: unknown[]; audit: { outcome: string }[] };
    expect(json.partnerId).toBe('1234567');
    expect(json.audit.map((a) => a.outcome)).toContain('replaced');
  });

  it('exports one part alone with --what: the audit log as its own CSV table', async () => {
    const audit = await cli('export', '--what', 'audit');
    expect(audit.stdout.split('\n')[0]).toBe('id,at,tenantId,tenantName,identity,action,before,after,outcome,requestId,message');
    expect(audit.stdout).toMatch(/Fabrikam Inc,ana@northwindpartners.com,unlink,1234567,,unlinked/);
    expect(audit.stdout).not.toContain('pal_status');
  });

  it('rejects bad input with a message and exit code 2', async () => {
    const bad = await cli('set-partner-id', '12ab');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('digits only') });
    const unknown = await cli('link', '--tenant', 'nowhere.example');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('No tracked tenant matches "nowhere.example"') });
  });

  it('adds a service principal next to the tenant\'s accounts with its secret from standard input or the environment, never the command line', async () => {
    const added = await cli('tenants', 'add', 'litware.onmicrosoft.com');
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Sign in with `pal-desk signin') });
    const clientId = '5e7c1e00-0000-4000-8000-000000000006';
    const wrong = await cliWith({ env: { PAL_DESK_CLIENT_SECRET: 'not-the-secret' } }, 'signin', '--tenant', 'litware.onmicrosoft.com', '--service-principal', clientId);
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/secret/i);
    const onArgv = await cli('signin', '--tenant', 'litware.onmicrosoft.com', '--service-principal', clientId, '--secret', 'litware-demo-secret');
    expect(onArgv.code).not.toBe(0);
    expect(onArgv.stderr).toContain("unknown option '--secret'");
    const piped = await cliWith({ input: 'litware-demo-secret\n' }, 'signin', '--tenant', 'litware.onmicrosoft.com', '--service-principal', clientId);
    expect(piped).toMatchObject({ code: 0, stdout: expect.stringContaining(`Added service principal ${clientId} to Litware Inc`) });
    const accounts = await cli('accounts', 'list', '--tenant', 'Litware Inc');
    expect(accounts.stdout).toMatch(new RegExp(`Litware Inc\\s+${clientId} \\(default\\)\\s+service principal\\s+5e7c1e0b-0000-4000-8000-000000000006\\s+signed-in`));
    const linked = await cli('link', '--tenant', 'Litware Inc');
    expect(linked).toMatchObject({ code: 0, stdout: `Litware Inc: linked (${clientId})\n` });
    const json = JSON.parse((await cli('--json', 'accounts', 'list', '--tenant', 'Litware Inc')).stdout) as { accounts: { kind: string; pal: { status: string } }[] }[];
    expect(json[0]?.accounts).toMatchObject([{ kind: 'service-principal', pal: { status: 'linked' } }]);
  });
});
