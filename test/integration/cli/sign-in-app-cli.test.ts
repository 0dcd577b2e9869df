import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim, type Scenario } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid, type SimClientApp } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

const HOME = guid('aaaa', 1);
const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
const FIRM_APP = guid('a4401', 1);
/** The partner's own multi-tenant app, approved in Contoso and Fabrikam (until a test withdraws Fabrikam's approval). */
const firmApp: SimClientApp = { clientId: FIRM_APP, displayName: 'Northwind PAL Desk', multiTenant: true, tenantIds: [HOME, CONTOSO, FABRIKAM] };
const scenario: Scenario = { ...demoScenario, name: 'firm-app-cli', clientApps: [...(demoScenario.clientApps ?? []), firmApp] };

let sim: RunningSim;
let profileFile: string;
let userDataDir: string;
let service: string;

beforeAll(async () => {
  sim = await startSim({ scenario });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-cli-sign-in-app-'))));
  const first = await appFixture(sim);
  ({ userDataDir, service } = first);
  await first.services.close();
  const set = await runCli({ profileFile, userDataDir, service }, ['settings', 'client-id', FIRM_APP]);
  expect(set.stdout).toContain(`PAL Desk signs in with ${FIRM_APP} from its next start`);
  const app = await appFixture(sim, { userDataDir, service });
  await app.addAndSignIn('contoso.onmicrosoft.com');
  await app.addAndSignIn('fabrikam.onmicrosoft.com');
  await app.services.close();
});
afterAll(async () => {
  await sim.close();
});

const cli = (...args: string[]) => runCli({ profileFile, userDataDir, service }, args);

describe('pal-desk with the firm’s own sign-in app', () => {
  it('shows the app in use with what to register and its permissions, and prints a customer’s admin-consent link', async () => {
    const shown = await cli('settings', 'client-id');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`PAL Desk signs in with your firm's own app (${FIRM_APP}).`);
    expect(shown.stdout).toContain('(multi-tenant)');
    expect(shown.stdout).toContain('http://localhost');
    expect(shown.stdout).toContain('Power BI Service (00000009-0000-0000-c000-000000000000): Tenant.Read.All, Workspace.Read.All, Dataset.Read.All');

    const link = `${sim.profile.endpoints.authorityHost}/${FABRIKAM}/adminconsent?client_id=${FIRM_APP}`;
    const printed = await cli('consent-link', '--tenant', 'fabrikam.onmicrosoft.com');
    expect(printed).toMatchObject({ code: 0 });
    expect(printed.stdout).toContain(`Admin-consent link for Fabrikam Inc`);
    expect(printed.stdout).toContain(link);
    const json = await cli('--json', 'consent-link', '--tenant', FABRIKAM);
    expect(JSON.parse(json.stdout)).toEqual({ tenantId: FABRIKAM, name: 'Fabrikam Inc', clientId: FIRM_APP, adminConsentUrl: link });
  });

  it('prints the admin-consent link for the customer whose admin withdrew approval when a sync needs it (AADSTS65001)', async () => {
    firmApp.tenantIds = [HOME, CONTOSO];
    try {
      const synced = await cli('sync', '--tenant', 'fabrikam.onmicrosoft.com');
      expect(synced.code).toBe(4);
      expect(synced.stdout).toContain(`Send this admin-consent link to the customer's admin: ${sim.profile.endpoints.authorityHost}/${FABRIKAM}/adminconsent?client_id=${FIRM_APP}`);
    } finally {
      firmApp.tenantIds = [HOME, CONTOSO, FABRIKAM];
    }
  });

  it('gives no consent link for the default first-party app, and says to register the firm’s own instead', async () => {
    expect((await cli('settings', 'client-id', 'default')).stdout).toContain('PAL Desk signs in with its default app from its next start.');
    const refused = await cli('consent-link', '--tenant', 'contoso.onmicrosoft.com');
    expect(refused.code).toBe(2);
    expect(refused.stdout).not.toContain('adminconsent');
    expect(refused.stderr).toContain('an admin-consent link cannot change what it may call. Register your firm\'s own app and save it with `pal-desk settings client-id <id>`');
    await cli('settings', 'client-id', FIRM_APP);
  });
});
