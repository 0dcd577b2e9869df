import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

const LITWARE = guid('c0ffee', 6);
const LITWARE_APP = { clientId: guid('5e7c1e', 6), clientSecret: 'litware-demo-secret' };
const NOTE = 'Microsoft does not document the Partner Admin Link API in Simulated GCC High; PAL Desk tries it and reports what Azure answers.';

/** A sim shaped like a cloud where the partner-link API is not documented; `served` says whether its ARM serves the provider anyway. */
async function undocumentedCloud(served: boolean) {
  const sim = await startSim({ scenario: { ...demoScenario, managementPartnerProvider: served ? 'served' : 'absent' } });
  const profile = { ...sim.profile, label: 'Simulated GCC High', partnerLinkApi: 'unknown' as const };
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-undocumented-'));
  const { profileFile } = writeSimProfileFile(sim, dir);
  writeFileSync(profileFile, JSON.stringify({ profile: { ...profile, caCertPem: undefined }, caCertPath: 'sim-ca.pem' }));
  const app = await appFixture({ ...sim, profile });
  await app.handlers['tenants:add']({ query: 'litware.onmicrosoft.com' });
  await app.handlers['auth:add-service-principal']({ tenantId: LITWARE, ...LITWARE_APP });
  return { sim, app, profileFile };
}

const writes = (sim: RunningSim) => sim.control.requestLog.filter((r) => r.method !== 'GET' && r.path.toLowerCase().includes('managementpartner'));

describe('a cloud where Microsoft does not document the Partner Admin Link API', () => {
  let absent: Awaited<ReturnType<typeof undocumentedCloud>>;
  let served: Awaited<ReturnType<typeof undocumentedCloud>>;
  beforeAll(async () => {
    absent = await undocumentedCloud(false);
    served = await undocumentedCloud(true);
  });
  afterAll(async () => {
    await absent.sim.close();
    await served.sim.close();
  });

  it('says so on the PAL card, and reports a link as unknown, not failed, when ARM answers NoRegisteredProviderFound, writing nothing', async () => {
    const { app, sim } = absent;
    expect((await app.handlers['app:info']()).cloud.partnerLinkNote).toBe(NOTE);
    const failure = await app.handlers['pal:link']({ tenantId: LITWARE }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'partner-link-api-unknown' });
    const message = (failure as Error).message;
    expect(message).toContain(NOTE);
    expect(message).toContain('Azure answered 400 NoRegisteredProviderFound for Litware Inc');
    expect(message).toContain('whether a link exists is unknown. Nothing was changed.');
    expect(writes(sim)).toEqual([]);
  });

  it('pal-desk link prints the same words and exits with 9 (unknown), not 1 (failed)', async () => {
    const { app, profileFile } = absent;
    await app.services.close();
    const run = await runCli({ profileFile, userDataDir: app.userDataDir, service: app.service }, ['link', '--tenant', 'litware.onmicrosoft.com']);
    expect(run.code).toBe(9);
    expect(run.stderr).toContain(NOTE);
    expect(run.stderr).toContain('400 NoRegisteredProviderFound');
  });

  it('where ARM serves the API anyway, links and says with the result that Microsoft does not document it there', async () => {
    const { app, profileFile } = served;
    const result = await app.handlers['pal:link']({ tenantId: LITWARE });
    expect(result.note).toBe(NOTE);
    expect(result.accounts[0]).toMatchObject({ outcome: { kind: 'linked', partnerId: '1234567' } });
    await app.services.close();
    const run = await runCli({ profileFile, userDataDir: app.userDataDir, service: app.service }, ['link', '--tenant', 'litware.onmicrosoft.com']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(NOTE);
    expect(run.stdout).toContain('Litware Inc: already-linked');
  });
});
