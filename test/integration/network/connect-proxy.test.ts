import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { runCli, type CliTarget } from '../support/cli-runner';
import { startConnectProxy, type LoopbackProxy } from './proxies';

const LITWARE_APP = '5e7c1e00-0000-4000-8000-000000000006';

let sim: RunningSim;
let proxy: LoopbackProxy;
let target: CliTarget;

const hostOf = (origin: string) => new URL(origin).host;
/** The host:port of the sim origin a logged request reached. */
const hostOfService = (service: string): string => {
  if (service === 'login') return hostOf(sim.profile.endpoints.authorityHost);
  if (service.startsWith('dataverse:')) return hostOf(sim.instanceUrl(service.slice('dataverse:'.length)));
  return hostOf(sim.profile.endpoints[service as Exclude<keyof RunningSim['profile']['endpoints'], 'authorityHost'>]);
};
/** The environment of a person behind a proxy: nothing else of the test runner's (a proxy variable of its own) leaks in. */
const behind = (proxyUrl: string, noProxy = '') => ({ HTTPS_PROXY: proxyUrl, https_proxy: proxyUrl, HTTP_PROXY: '', http_proxy: '', NO_PROXY: noProxy, no_proxy: noProxy });

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  proxy = await startConnectProxy();
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-proxy-'));
  const { profileFile } = writeSimProfileFile(sim, dir);
  target = { profileFile, userDataDir: path.join(dir, 'data'), service: `PAL Desk test ${randomUUID()}` };
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
});

describe('PAL Desk behind a forwarding proxy (HTTPS_PROXY)', () => {
  it('signs in a service principal and syncs the demo through the proxy, which tunnels every Microsoft host it calls', async () => {
    const env = behind(proxy.url);
    const added = await runCli(target, ['tenants', 'add', 'litware.onmicrosoft.com'], { env });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const signIn = await runCli(target, ['signin', '--tenant', 'litware.onmicrosoft.com', '--service-principal', LITWARE_APP], { env, input: 'litware-demo-secret\n' });
    expect(signIn).toMatchObject({ code: 0, stdout: expect.stringContaining(`Added service principal ${LITWARE_APP} to Litware Inc`) });
    const sync = await runCli(target, ['sync'], { env });
    expect(sync.stdout).toMatch(/1 done/);
    const { endpoints } = sim.profile;
    expect(new Set(proxy.connects)).toEqual(new Set(sim.control.requestLog.map((r) => hostOfService(r.service))));
    expect(proxy.connects).toEqual(expect.arrayContaining([hostOf(endpoints.authorityHost), hostOf(endpoints.arm), hostOf(endpoints.bap)]));
  });

  it('reaches the hosts listed in NO_PROXY directly, and the others through the proxy', async () => {
    const { endpoints } = sim.profile;
    const before = proxy.connects.length;
    const armRequests = sim.control.requestLog.filter((r) => r.service === 'arm').length;
    const sync = await runCli(target, ['sync'], { env: behind(proxy.url, `${hostOf(endpoints.arm)},${hostOf(endpoints.authorityHost)}`) });
    expect(sync.stdout).toMatch(/1 done/);
    const tunnelled = proxy.connects.slice(before);
    expect(sim.control.requestLog.filter((r) => r.service === 'arm').length).toBeGreaterThan(armRequests);
    expect(tunnelled).not.toContain(hostOf(endpoints.arm));
    expect(tunnelled).not.toContain(hostOf(endpoints.authorityHost));
    expect(tunnelled).toContain(hostOf(endpoints.bap));
  });

  it('names a proxy that cannot be reached and what to do, without its password', async () => {
    const closed = await startConnectProxy();
    await closed.close();
    const down = new URL(closed.url);
    down.username = 'consultant';
    down.password = 'pr0xy-s3cret';
    const sync = await runCli(target, ['sync'], { env: behind(down.toString()) });
    const said = `${sync.stdout}${sync.stderr}`;
    expect(said).toContain(`The proxy ${closed.url} (from HTTPS_PROXY) cannot be reached`);
    expect(said).toContain('check HTTPS_PROXY');
    expect(said).not.toContain('pr0xy-s3cret');
    expect(said).not.toContain('consultant');
  });

  it('names a proxy that asks for credentials (HTTP 407) and says how to give them', async () => {
    const guarded = await startConnectProxy({ requireAuth: true });
    try {
      const sync = await runCli(target, ['sync'], { env: behind(guarded.url) });
      expect(`${sync.stdout}${sync.stderr}`).toContain(`The proxy ${guarded.url} asks PAL Desk to sign in (HTTP 407) — put its user and password in HTTPS_PROXY`);
      expect(sync.code).toBe(1);
    } finally {
      await guarded.close();
    }
  });
});
