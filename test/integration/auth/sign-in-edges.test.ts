import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../../sim/scenarios/demo';
import { guid, type Scenario } from '../../sim/scenario';
import { startSim, type RunningSim } from '../../sim';
import { authFixture } from '../support/auth-fixture';

const CONTOSO = guid('c0ffee', 1);
const BLOCKED = guid('c0ffee', 9);
const scenario: Scenario = {
  ...demoScenario,
  tenants: [...demoScenario.tenants, { tenantId: BLOCKED, displayName: 'Blocked Corp', domains: ['blocked.onmicrosoft.com'], defaultDomain: 'blocked.onmicrosoft.com' }],
  users: demoScenario.users.map((u) => ({ ...u, memberships: [...u.memberships, { tenantId: BLOCKED, objectId: guid('9e57', 9), caBlocked: true }] })),
};

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario });
});
afterAll(async () => {
  await sim.close();
});

/** True when nothing listens on the port any more. */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(true));
  });

const portOf = (authorizeUrl: string) => Number(new URL(new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '').port);

describe('interactive sign-in that does not finish', () => {
  it('ends within a second when the person cancels, and closes the loopback listener', async () => {
    const opened: string[] = [];
    let browserOpened!: () => void;
    const shown = new Promise<void>((r) => (browserOpened = r));
    const { auth } = authFixture(sim, { openBrowser: async (url) => void (opened.push(url), browserOpened()) });
    const attempt = auth.signInInteractive(CONTOSO, 'Contoso').catch((e: unknown) => e);
    await shown;
    const started = performance.now();
    expect(auth.cancelInteractive()).toBe(true);
    expect(await attempt).toMatchObject({ code: 'sign-in-cancelled', message: 'Sign-in to Contoso was cancelled.' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await refused(portOf(opened[0]!))).toBe(true);
    expect(auth.cancelInteractive()).toBe(false);
  });

  it('times out, ends the wait and closes the listener', async () => {
    const opened: string[] = [];
    const { auth } = authFixture(sim, { timeoutMs: 300, openBrowser: async (url) => void opened.push(url) });
    const started = performance.now();
    await expect(auth.signInInteractive(CONTOSO, 'Contoso')).rejects.toMatchObject({ code: 'sign-in-timeout' });
    expect(performance.now() - started).toBeLessThan(1300);
    expect(await refused(portOf(opened[0]!))).toBe(true);
  });

  it('lets only one interactive sign-in run at a time; the next waits its turn', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstOpened!: () => void;
    const opened = new Promise<void>((r) => (firstOpened = r));
    const { auth, signInEvents } = authFixture(sim, {
      openBrowser: async (url) => {
        order.push(new URL(url).pathname.split('/')[1] ?? '');
        if (order.length === 1) {
          firstOpened();
          await gate;
        }
        const { scriptedBrowser } = await import('../support/scripted-browser');
        await scriptedBrowser(sim.caCertPem, 'ana@northwindpartners.com')(url);
      },
    });
    const first = auth.signInInteractive(CONTOSO, 'Contoso');
    const second = auth.signInInteractive(guid('c0ffee', 2), 'Fabrikam');
    await opened;
    expect(signInEvents).toContainEqual({ tenantId: guid('c0ffee', 2), state: 'queued', position: 1 });
    expect(order).toEqual([CONTOSO]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual([CONTOSO, guid('c0ffee', 2)]);
  });
});

describe('sign-in failures a person can act on', () => {
  it('says a Conditional Access policy blocks the sign-in', async () => {
    const { auth } = authFixture(sim);
    await expect(auth.signInInteractive(BLOCKED, 'Blocked Corp')).rejects.toMatchObject({
      code: 'blocked-by-conditional-access',
      message: expect.stringContaining('Conditional Access policy in Blocked Corp'),
    });
  });

  it('asks to sign in again when the refresh token has expired', async () => {
    const { auth } = authFixture(sim);
    const signedIn = await auth.signInInteractive(CONTOSO, 'Contoso');
    sim.control.expireRefreshTokens();
    await expect(auth.getToken(guid('c0ffee', 2), { kind: 'user', id: signedIn.identityId }, 'https://management.azure.com/.default', 'Fabrikam')).rejects.toMatchObject({
      code: 'session-expired',
    });
  });
});

describe('secrets at rest', () => {
  it('writes no access token, refresh token or client secret in any file of the user-data folder', async () => {
    const { auth, userDataDir } = authFixture(sim);
    const signedIn = await auth.signInInteractive(CONTOSO, 'Contoso');
    await auth.getToken(guid('c0ffee', 2), { kind: 'user', id: signedIn.identityId }, 'https://management.azure.com/.default', 'Fabrikam');
    const sp = sim.scenario.servicePrincipals[0]!;
    await auth.addServicePrincipal(sp.tenantId, sp.clientId, sp.secret, 'Litware');
    const files = readdirSync(userDataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(0);
    const secrets = [...sim.control.issuedSecrets(), sp.secret];
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const secret of secrets) expect(text.includes(secret), `${path.basename(file)} holds a secret`).toBe(false);
      expect(statSync(file).mode & 0o077, `${path.basename(file)} is private`).toBe(0);
    }
  });

  it('reports a missing keychain clearly instead of signing out silently', async () => {
    const script = `
      import { KeytarSecretStore } from './src/main/secrets/keytar-secret-store.ts';
      try { await new KeytarSecretStore('PAL Desk probe').get('x'); console.log('no error'); }
      catch (e) { console.log(e.code + ': ' + e.message); }`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    });
    expect(stdout.trim()).toMatch(/^keychain-unavailable: PAL Desk cannot reach your OS keychain/);
  });
});

describe('signing out', () => {
  it('signs an account out of every tenant: its tokens leave the cache and no tenant uses it', async () => {
    const { appFixture } = await import('../support/app-fixture');
    const app = await appFixture(sim);
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    const found = await app.handlers['tenants:discover']({ tenantId: contoso.tenantId });
    await app.handlers['tenants:track']({ tenantIds: found.filter((t) => !t.tracked && t.category !== 'Home').map((t) => t.tenantId) });
    await app.services.idle();
    const after = await app.handlers['auth:sign-out-account']({ tenantId: contoso.tenantId });
    expect(after.every((t) => t.accounts.length === 0)).toBe(true);
    expect(await app.services.auth.accounts()).toEqual([]);
    await app.services.close();
    const { auth } = authFixture(sim, { userDataDir: app.userDataDir, service: app.service });
    expect(await auth.accounts()).toEqual([]);
  });
});

describe('accounts and applications', () => {
  it('keeps several partner accounts side by side, one entry each, each used only for its own tenants', async () => {
    const { scriptedBrowser } = await import('../support/scripted-browser');
    const two: Scenario = {
      ...scenario,
      users: [
        ...scenario.users,
        { username: 'ben@northwindpartners.com', displayName: 'Ben Consultant', homeTenantId: guid('aaaa', 1), objectId: guid('0b1ec7', 2), memberships: [{ tenantId: guid('aaaa', 1), objectId: guid('0b1ec7', 2) }, { tenantId: guid('c0ffee', 2), objectId: guid('9e58', 2) }] },
      ],
    };
    const other = await startSim({ scenario: two });
    let who = 'ana@northwindpartners.com';
    const { auth } = authFixture(other, { openBrowser: (url) => scriptedBrowser(other.caCertPem, who)(url) });
    const ana = await auth.signInInteractive(CONTOSO, 'Contoso');
    who = 'ben@northwindpartners.com';
    const ben = await auth.signInInteractive(guid('c0ffee', 2), 'Fabrikam');
    expect((await auth.accounts()).map((a) => a.username).sort()).toEqual(['ana@northwindpartners.com', 'ben@northwindpartners.com']);
    const { tidOf } = await import('../support/auth-fixture');
    const benToken = await auth.getToken(guid('c0ffee', 2), { kind: 'user', id: ben.identityId }, 'https://management.azure.com/.default', 'Fabrikam');
    expect(tidOf(benToken.token)).toBe(guid('c0ffee', 2));
    expect(JSON.parse(Buffer.from(benToken.token.split('.')[1]!, 'base64url').toString()).oid).toBe(guid('9e58', 2));
    await expect(auth.getToken(CONTOSO, { kind: 'user', id: ben.identityId }, 'https://management.azure.com/.default', 'Contoso')).rejects.toMatchObject({ code: 'not-a-member' });
    expect(ana.identityId).not.toBe(ben.identityId);
    await other.close();
  });

  it('signs in with the application ID saved in settings after a restart', async () => {
    const { appFixture } = await import('../support/app-fixture');
    const first = await appFixture(sim);
    await first.handlers['settings:set-client-id']({ clientId: '99999999-9999-4999-8999-999999999999' });
    await first.services.close();
    const restarted = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service });
    const tenant = await restarted.handlers['tenants:add']({ query: 'contoso.onmicrosoft.com' });
    await expect(restarted.handlers['auth:sign-in']({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: 'app-not-found-in-tenant' });
    await restarted.services.close();
  });
});
