import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';
import type { TenantCoverage } from '../../../src/shared/checklist-types';
import { startSim, type RunningSim, type Scenario } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

/** The demo, where Power BI never preauthorized the default first-party client (AADSTS65002): Power BI is denied in every tenant. */
const scenario: Scenario = {
  ...demoScenario,
  name: 'power-bi-refused',
  clientApps: [{ clientId: demoScenario.publicClientId, displayName: 'Microsoft Azure CLI', firstParty: true, refusedResources: ['powerBi'] }],
};
const LITWARE_SP = demoScenario.servicePrincipals.find((s) => s.displayName === 'Northwind delivery app');
const TOKEN_PATH = '/oauth2/v2.0/token';
/** A CLI run starts a process and reads a whole tenant: more than the default 5 s on a busy machine. */
const SLOW = 60_000;

let sim: RunningSim;
let profileFile: string;
beforeAll(async () => {
  sim = await startSim({ scenario });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-cli-coverage-'))));
});
afterAll(async () => {
  await sim.close();
});

/** A data folder the app signed in to `domain` on (then closed), and the CLI on it. */
async function folderSignedIn(domain: string) {
  const app = await appFixture(sim);
  await app.addAndSignIn(domain);
  await app.services.close();
  return { userDataDir: app.userDataDir, cli: (...args: string[]) => runCli({ profileFile, userDataDir: app.userDataDir, service: app.service }, args) };
}

/** The facts the last sync of the folder's only tenant could not refresh, as the inventory keeps them. */
function staleFacts(userDataDir: string) {
  const inventory = new Inventory(userDataDir);
  try {
    return [...inventory.runs.staleByTenant().values()].flat();
  } finally {
    inventory.close();
  }
}

describe('the CLI says what it could not read, and exits 10 when coverage is partial', () => {
  it('names Power BI as denied, with why, after a sync and in the checklist, and exits 10 instead of 0', async () => {
    const { cli } = await folderSignedIn('contoso.onmicrosoft.com');
    const denied = "Power BI: denied: PAL Desk's default sign-in app (a Microsoft first-party app) is not allowed to call Power BI in Contoso Ltd";

    const sync = await cli('sync', '--tenant', 'contoso.onmicrosoft.com');
    expect(sync.stdout).toMatch(/^1 done, 0 need sign-in/);
    expect(sync.stdout).toContain(`Not read in full (the checklist counts only what was read):\n  Contoso Ltd: ${denied}`);
    expect(sync.code).toBe(10);

    const checklist = await cli('checklist');
    expect(checklist.stdout).toMatch(/\d+ % of \d+ resources attributed to you\.\nPower BI: not readable in 1 tenant\./);
    expect(checklist.stdout).toContain(`  Contoso Ltd: ${denied}`);
    expect(checklist.code).toBe(10);

    const json = JSON.parse((await cli('--json', 'checklist')).stdout) as { coverage: TenantCoverage[] };
    expect(json.coverage[0]?.products.find((p) => p.product === 'power-bi')).toMatchObject({ coverage: 'denied', reason: expect.stringContaining('register your firm') });
    expect(json.coverage[0]?.products.find((p) => p.product === 'power-apps')).toMatchObject({ coverage: 'admin', reason: null });
  }, SLOW);

  it('tells a service principal the Power Platform refused what its admin must do, not to run sync again', async () => {
    const app = await appFixture(sim);
    const litware = await app.handlers['tenants:add']({ query: 'litware.onmicrosoft.com' });
    await app.handlers['auth:add-service-principal']({ tenantId: litware.tenantId, clientId: LITWARE_SP?.clientId ?? '', clientSecret: LITWARE_SP?.secret ?? '' });
    await app.services.close();
    const cli = (...args: string[]) => runCli({ profileFile, userDataDir: app.userDataDir, service: app.service }, args);
    const register = `Environments: denied: ${LITWARE_SP?.clientId}: a Power Platform admin must register the app (New-PowerAppManagementApp) before a service principal can read environments.`;

    const sync = await cli('sync', '--tenant', 'litware.onmicrosoft.com');
    expect(sync.stdout).toContain(`  Litware Inc: ${register}`);
    expect(sync.code).toBe(10);

    const checklist = await cli('checklist', '--tenant', 'Litware Inc');
    expect(checklist.stdout).not.toContain('pal-desk sync');
    expect(checklist.stdout).toContain('No Power Platform resources in what PAL Desk could read; what it could not read, and why, is below.');
    expect(checklist.stdout).toContain(`\n  ${register}`);
    expect(checklist.code).toBe(10);
  }, SLOW);

  it('keeps the facts of a sync that read nothing marked stale, with why, instead of clearing the mark', async () => {
    const { cli, userDataDir } = await folderSignedIn('fabrikam.onmicrosoft.com');
    sim.control.setFaults({ next: [{ kind: '5xx', count: 100, pathIncludes: TOKEN_PATH }] });
    try {
      expect((await cli('sync', '--tenant', 'fabrikam.onmicrosoft.com')).code).toBe(1);
    } finally {
      sim.control.clearFaults();
    }
    const failed = staleFacts(userDataDir).map((f) => f.collector);
    expect(failed).toEqual(expect.arrayContaining(['environments', 'power-apps', 'flows', 'power-bi']));

    // Every account now needs the person: the next sync reads nothing.
    sim.control.expireRefreshTokens();
    const sync = await cli('sync', '--tenant', 'fabrikam.onmicrosoft.com');
    expect(sync.code).toBe(4);
    const stale = staleFacts(userDataDir);
    expect(stale.map((f) => f.collector)).toEqual(expect.arrayContaining(failed));
    expect(stale.find((f) => f.collector === 'power-bi')?.message).toMatch(/sign in/i);
  }, SLOW);
});
