import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { runCli, type CliTarget } from '../support/cli-runner';
import { startInspectingProxy, type InspectingProxy } from './proxies';

const LITWARE_APP = '5e7c1e00-0000-4000-8000-000000000006';

let sim: RunningSim;
let gateway: InspectingProxy;
let target: CliTarget;
let env: Record<string, string>;

const hostOf = (origin: string) => new URL(origin).host;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-gateway-'));
  gateway = await startInspectingProxy(sim.caCertPem, dir);
  const { profileFile } = writeSimProfileFile(sim, dir);
  target = { profileFile, userDataDir: path.join(dir, 'data'), service: `PAL Desk test ${randomUUID()}` };
  env = { HTTPS_PROXY: gateway.url, https_proxy: gateway.url, HTTP_PROXY: '', http_proxy: '', NO_PROXY: '', no_proxy: '', PAL_DESK_CA_FILE: '' };
});
afterAll(async () => {
  await gateway.close();
  await sim.close();
});

describe('PAL Desk behind a TLS-inspecting gateway with its own CA', () => {
  it("says the connection is intercepted and how to give the gateway's CA, when it is not given", async () => {
    const added = await runCli(target, ['tenants', 'add', 'litware.onmicrosoft.com'], { env });
    expect(added.code).toBe(1);
    expect(added.stderr).toContain(`The connection to ${hostOf(sim.profile.endpoints.authorityHost)} is intercepted by a certificate PAL Desk does not trust (your network's proxy or gateway?) — give its CA with --ca-file <pem> or PAL_DESK_CA_FILE`);
    expect(gateway.connects).toContain(hostOf(sim.profile.endpoints.authorityHost));
  });

  it("signs in and syncs with the gateway's CA given by --ca-file, every call through the gateway", async () => {
    const withCa = ['--ca-file', gateway.caFile];
    const added = await runCli(target, [...withCa, 'tenants', 'add', 'litware.onmicrosoft.com'], { env });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const signIn = await runCli(target, [...withCa, 'signin', '--tenant', 'litware.onmicrosoft.com', '--service-principal', LITWARE_APP], { env, input: 'litware-demo-secret\n' });
    expect(signIn).toMatchObject({ code: 0, stdout: expect.stringContaining(`Added service principal ${LITWARE_APP} to Litware Inc`) });
    const sync = await runCli(target, [...withCa, 'sync'], { env });
    expect(sync.stdout).toMatch(/1 done/);
    const { endpoints } = sim.profile;
    expect(gateway.connects).toEqual(expect.arrayContaining([hostOf(endpoints.authorityHost), hostOf(endpoints.arm), hostOf(endpoints.bap)]));
  });

  it('fails a sign-in without the CA the same way, with the exit code of a failed request', async () => {
    const signIn = await runCli(target, ['signin', '--tenant', 'litware.onmicrosoft.com', '--service-principal', LITWARE_APP], { env, input: 'litware-demo-secret\n' });
    expect(signIn.code).toBe(1);
    expect(signIn.stderr).toContain('is intercepted by a certificate PAL Desk does not trust');
    expect(signIn.stderr).toContain('--ca-file');
  });

  it('takes the CA file from PAL_DESK_CA_FILE too, and names a CA file it cannot read', async () => {
    const fromEnv = await runCli(target, ['sync'], { env: { ...env, PAL_DESK_CA_FILE: gateway.caFile } });
    expect(fromEnv.stdout).toMatch(/1 done/);
    const missing = await runCli(target, ['--ca-file', path.join(tmpdir(), `no-such-${randomUUID()}.pem`), 'sync'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/The CA file .*no-such-.*\.pem \(--ca-file or PAL_DESK_CA_FILE\) cannot be read as PEM certificates/);
  });
});
