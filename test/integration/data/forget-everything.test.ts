import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/logger';
import { dispatch } from '../../../src/main/ipc/dispatch';
import type { ResettableServices } from '../../../src/main/data/resettable-services';
import { startSim, type RunningSim } from '../../sim';
import { resettableApp } from '../support/resettable-app';

let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

/** The app's services on a fresh data folder and keychain service: Ana signed in to Contoso and linked, Litware's service principal added. */
async function usedApp(): Promise<{ app: ResettableServices; userDataDir: string; service: string; contosoId: string }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'pal-forget-'));
  const service = `PAL Desk test ${randomUUID()}`;
  const app = await resettableApp(sim, { userDataDir, service });
  const h = app.handlers;
  await h['settings:set-partner-id']({ partnerId: '1234567' });
  await h['settings:set-cloud']({ cloudId: 'gcc' });
  const contoso = await h['tenants:add']({ query: 'contoso.onmicrosoft.com' });
  await h['auth:sign-in']({ tenantId: contoso.tenantId });
  await h['pal:link']({ tenantId: contoso.tenantId });
  const litware = await h['tenants:add']({ query: 'litware.onmicrosoft.com' });
  const sp = sim.scenario.servicePrincipals.find((s) => s.tenantId === litware.tenantId);
  await h['auth:add-service-principal']({ tenantId: litware.tenantId, clientId: sp?.clientId ?? '', clientSecret: sp?.secret ?? '' });
  await app.current().idle();
  return { app, userDataDir, service, contosoId: contoso.tenantId };
}

describe('forget everything', () => {
  it('leaves no token or secret in the keychain, an empty inventory and no saved settings, and says what it deleted', async () => {
    const { app, userDataDir, service } = await usedApp();
    expect((await keytar.findCredentials(service)).length).toBeGreaterThanOrEqual(2);
    expect(await app.handlers['audit:list']({ limit: 10 })).not.toEqual([]);

    const result = await app.handlers['settings:forget-everything']({ confirm: 'forget' });

    expect(result).toMatchObject({ tenants: 2, auditEntries: 1, queuedActions: 0 });
    expect(result.keychainEntries).toBeGreaterThanOrEqual(2);
    expect(await keytar.findCredentials(service)).toEqual([]);
    expect(await app.handlers['tenants:list']()).toEqual([]);
    expect(await app.handlers['audit:list']({ limit: 10 })).toEqual([]);
    expect(await app.handlers['pending:list']()).toEqual([]);
    expect(await app.handlers['settings:get']()).toEqual({ partnerId: null, clientId: null, cloudId: null });
    expect(readdirSync(userDataDir).filter((f) => f.startsWith('token-cache'))).toEqual([]);
    expect(existsSync(path.join(userDataDir, 'inventory.sqlite'))).toBe(true);
    const [notice] = await app.handlers['notices:list']();
    expect(notice?.message).toMatch(/Everything was forgotten at .*: 2 tenants, 1 audit entry \(the audit log itself is gone\), 0 queued actions, \d+ keychain entries and your settings\./);

    const again = await app.handlers['tenants:add']({ query: 'contoso.onmicrosoft.com' });
    expect(again.accounts).toEqual([]);
    await app.close();
  }, 60_000);

  it('refuses while another PAL Desk process is making changes, naming it, and deletes nothing', async () => {
    const { app, service } = await usedApp();
    app.current().inventory.writerLock.tryAcquire({ holder: 'The pal-desk CLI', pid: 4242, host: 'another-machine' }, () => false);
    const before = await keytar.findCredentials(service);

    await expect(app.handlers['settings:forget-everything']({ confirm: 'forget' })).rejects.toMatchObject({
      code: 'writer-busy',
      message: expect.stringMatching(/The pal-desk CLI \(process 4242 on another-machine\).*Nothing was changed/),
    });
    expect(await keytar.findCredentials(service)).toHaveLength(before.length);
    expect(await app.handlers['tenants:list']()).toHaveLength(2);
    await app.close();
    for (const { account } of before) await keytar.deletePassword(service, account);
  }, 60_000);

  it('refuses while "Link all" is running in the app, and says to cancel it or let it finish', async () => {
    const { app, service } = await usedApp();
    sim.control.setFaults({ latencyMs: 1500 });
    const { jobId } = await app.handlers['pal:link-all']();

    await expect(app.handlers['settings:forget-everything']({ confirm: 'forget' })).rejects.toMatchObject({
      code: 'writer-busy',
      message: expect.stringMatching(/Cancel it or let it finish.*Nothing was deleted/),
    });
    sim.control.setFaults({});
    await app.current().jobs.wait(jobId);
    expect(await app.handlers['tenants:list']()).toHaveLength(2);
    await app.close();
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  }, 60_000);

  it('accepts only the confirmation word', async () => {
    const { app, service } = await usedApp();
    expect(await dispatch(app.handlers, 'settings:forget-everything', { confirm: 'yes' }, silentLogger)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await app.handlers['tenants:list']()).toHaveLength(2);
    await app.close();
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  }, 60_000);
});
