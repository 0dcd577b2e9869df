import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { resettableApp } from '../support/resettable-app';
import { writeSimProfileFile } from '../../sim/profile-file';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

let sim: RunningSim;
let profileFile: string;
/** One keychain service for every data folder of a test, as the app's `PAL Desk` is one service on a real machine. */
let service: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-secrets-'))));
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  service = `PAL Desk test ${randomUUID()}`;
});
afterEach(async () => {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
});

/** A data folder in which Ana signed in to Contoso and Litware's service principal was added (both synced since). */
async function usedFolder(): Promise<string> {
  const app = await appFixture(sim, { service });
  await app.addAndSignIn('contoso.onmicrosoft.com');
  const litware = await app.handlers['tenants:add']({ query: 'litware.onmicrosoft.com' });
  const sp = sim.scenario.servicePrincipals.find((s) => s.tenantId === litware.tenantId);
  await app.handlers['auth:add-service-principal']({ tenantId: litware.tenantId, clientId: sp?.clientId ?? '', clientSecret: sp?.secret ?? '' });
  await app.services.close();
  return app.userDataDir;
}

/** "Forget everything" in the app's window on a data folder. */
async function forgetIn(userDataDir: string) {
  const app = await resettableApp(sim, { userDataDir, service, signIn: false });
  const result = await app.handlers['settings:forget-everything']({ confirm: 'forget' });
  const [notice] = await app.handlers['notices:list']();
  await app.close();
  return { result, notice: notice?.message ?? '' };
}

/** Syncs a data folder in a new process, as `pal-desk sync` in a terminal (it never opens a sign-in page). */
const syncIn = (userDataDir: string) => runCli({ profileFile, userDataDir, service }, ['sync']);

/** Syncs a data folder in new services in this process; the sign-in pages they would open are listed. */
async function syncInApp(userDataDir: string) {
  const app = await appFixture(sim, { userDataDir, service, partnerId: null });
  const summary = await app.services.jobs.wait(app.services.sync.sync().jobId);
  await app.services.close();
  return { summary, opened: app.opened };
}

const setAside = (userDataDir: string) => readdirSync(userDataDir).filter((name) => name.includes('corrupt'));

describe('secrets per data folder', () => {
  it('"forget everything" in one data folder leaves another folder signed in, with its service principal secret and its token cache, even once that folder is moved', async () => {
    const used = await usedFolder();
    const b = mkdtempSync(path.join(tmpdir(), 'pal-folder-b-'));
    const before = await keytar.findCredentials(service);

    const { result } = await forgetIn(b);

    expect(result.keychainEntries).toBe(0);
    expect(await keytar.findCredentials(service)).toHaveLength(before.length);
    const a = `${used}-moved`;
    renameSync(used, a);
    const sync = await syncIn(a);
    expect(sync.stdout).not.toMatch(/sign in again|no saved secret/i);
    // Every tenant synced; 10 says only that a product was read in maker scope (the scenario's accounts administer none).
    expect(sync.stdout).toMatch(/\d+ done, 0 need sign-in, 0 need confirmation, 0 failed/);
    expect(sync.code).toBe(10);
    expect(setAside(a)).toEqual([]);
  }, 60_000);

  it('a data folder of an older release keeps its sign-in silent and its service principal after the upgrade, and forgetting it leaves the shared entries another such folder still needs', async () => {
    const a = await usedFolder();
    // The layout before this release: one token cache key and `sp:…` secrets under names every data folder shared, and no folder id.
    for (const { account, password } of await keytar.findCredentials(service)) {
      await keytar.setPassword(service, account.slice(account.indexOf('/') + 1), password);
      if (account.includes('/')) await keytar.deletePassword(service, account);
    }
    rmSync(path.join(a, 'keychain-id.json'), { force: true });
    const twin = mkdtempSync(path.join(tmpdir(), 'pal-folder-twin-'));
    cpSync(a, twin, { recursive: true });

    const upgraded = await syncInApp(a);
    expect(upgraded.summary.problems).toEqual([]);
    expect(upgraded.opened).toEqual([]);
    expect(setAside(a)).toEqual([]);

    const { result, notice } = await forgetIn(a);
    expect(result.keychainEntries).toBe(2);
    expect(notice).toMatch(/2 keychain entries saved by an older PAL Desk for every data folder at once were left, as another data folder may still need them\./);

    const other = await syncInApp(twin);
    expect(other.summary.problems).toEqual([]);
    expect(other.opened).toEqual([]);
    expect(setAside(twin)).toEqual([]);
  }, 60_000);

  it('a copied data folder gets keychain entries of its own: forgetting the copy leaves the original signed in', async () => {
    const original = await usedFolder();
    const copy = mkdtempSync(path.join(tmpdir(), 'pal-folder-copy-'));
    cpSync(original, copy, { recursive: true });

    const copied = await syncInApp(copy);
    expect(copied.summary.problems).toEqual([]);
    expect(copied.opened).toEqual([]);
    const { result } = await forgetIn(copy);
    expect(result.keychainEntries).toBe(2);

    const kept = await syncInApp(original);
    expect(kept.summary.problems).toEqual([]);
    expect(kept.opened).toEqual([]);
    expect(setAside(original)).toEqual([]);
  }, 60_000);
});
