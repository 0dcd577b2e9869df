import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src/main/app-services';
import { silentLogger } from '../../../src/main/logger';
import { KeytarSecretStore } from '../../../src/main/secrets/keytar-secret-store';
import { PUBLIC_CLOUD } from '../../../src/shared/cloud-profile';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

describe('a tenant keeps the cloud it was added in', () => {
  it('is shown with its cloud, and with another cloud running it is neither synced nor linked with that cloud’s hosts', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    expect(app.services.views.list().find((t) => t.tenantId === CONTOSO)?.cloudId).toBe('sim');
    await app.services.close();

    const marked = sim.control.requestLog.length;
    const services = await createAppServices({
      userDataDir: app.userDataDir,
      cloud: PUBLIC_CLOUD,
      cloudSource: 'settings',
      host: 'cli',
      version: 'test',
      log: silentLogger,
      emit: () => undefined,
      secrets: new KeytarSecretStore(app.service),
      openBrowser: async () => {
        throw new Error('no browser in this test');
      },
    });
    const contoso = services.views.list().find((t) => t.tenantId === CONTOSO);
    expect(contoso?.cloudId).toBe('sim');
    const summary = await services.jobs.wait(services.sync.sync([CONTOSO]).jobId);
    const why = 'Contoso Ltd was added in the simulated cloud, and PAL Desk runs on Commercial (global) now: choose the simulated cloud in Settings (or start with --cloud sim) to sync or link it.';
    expect(summary.counts).toMatchObject({ skipped: 1, done: 0, failed: 0 });
    expect(summary.problems).toMatchObject([{ tenantId: CONTOSO, status: 'skipped', message: why }]);
    await expect(services.handlers['pal:link']({ tenantId: CONTOSO })).rejects.toMatchObject({ code: 'invalid-input', message: why });
    await services.close();
    expect(sim.control.requestLog.slice(marked)).toEqual([]);
  });
});
