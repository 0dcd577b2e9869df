import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CACHE_FILE } from '../../../src/main/auth/auth-service';
import { INVENTORY_FILE } from '../../../src/main/inventory/inventory';
import { startSim, type RunningSim } from '../../sim';
import { appFixture } from '../support/app-fixture';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

describe('notices kept until a person acknowledges them', () => {
  it('lists a damaged inventory to every page that connects after start-up, across restarts, until it is acknowledged', async () => {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'pal-notices-'));
    writeFileSync(path.join(userDataDir, INVENTORY_FILE), 'garbage bytes, not SQLite '.repeat(300));
    const first = await appFixture(sim, { userDataDir, partnerId: null });
    const [notice] = await first.handlers['notices:list']();
    expect(notice).toMatchObject({ level: 'warning', code: 'inventory-damaged', message: expect.stringMatching(/inventory database was damaged/) });
    expect(await first.handlers['settings:get']()).toMatchObject({ partnerId: null });
    await first.services.close();

    const restarted = await appFixture(sim, { userDataDir, service: first.service, partnerId: null });
    expect(await restarted.handlers['notices:list']()).toEqual([notice]);
    expect(await restarted.handlers['notices:acknowledge']({ id: notice?.id ?? 0 })).toEqual({ acknowledged: true });
    expect(await restarted.handlers['notices:list']()).toEqual([]);
    await restarted.services.close();
  });

  it('keeps a notice that the saved sign-ins were damaged and reset, and tells open windows at once', async () => {
    const first = await appFixture(sim);
    await first.addAndSignIn('contoso.onmicrosoft.com');
    await first.services.close();
    writeFileSync(path.join(first.userDataDir, TOKEN_CACHE_FILE), '{"iv":"AAAA","tag":"AAAA","data":"damaged"}');

    const restarted = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service });
    expect(await restarted.services.auth.accounts()).toEqual([]);
    const [notice] = await restarted.handlers['notices:list']();
    expect(notice).toMatchObject({ code: 'token-cache-reset', message: expect.stringMatching(/saved sign-ins could not be read/) });
    expect(restarted.events).toContainEqual({ event: 'notice', payload: notice });
    await restarted.services.close();

    const again = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service });
    expect(await again.handlers['notices:list']()).toEqual([notice]);
    await again.services.close();
  });
});
