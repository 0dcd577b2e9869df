import { ACEProvisioningManagementPartnerAPI } from '@azure/arm-managementpartner';
import { ClientSecretCredential } from '@azure/identity';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityRefOf } from '../../../src/main/domain/identity';
import { startSim, type RunningSim } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
const LITWARE = guid('c0ffee', 6);
/** The demo's Customer Insights environment: two enabled users and a disabled one in its Dataverse instance. */
const CI_ENV = guid('e0', 13);
const LITWARE_APP = { clientId: guid('5e7c1e', 6), secret: 'litware-demo-secret', objectId: guid('5e7c1e0b', 6) };

let sim: RunningSim;
let caFile: string;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-external-'));
  writeSimProfileFile(sim, dir);
  caFile = path.join(dir, 'sim-ca.pem');
});
afterAll(async () => {
  await sim.close();
});

/** @azure/identity's own client-credentials flow against the sim's sign-in origin; its pipeline trusts the sim's CA through `tlsOptions.ca`. */
const litwareCredential = () =>
  new ClientSecretCredential(LITWARE, LITWARE_APP.clientId, LITWARE_APP.secret, {
    authorityHost: sim.profile.endpoints.authorityHost,
    // The sim is not a Microsoft host: no instance discovery (the option @azure/identity documents for private clouds).
    disableInstanceDiscovery: true,
    tlsOptions: { ca: sim.caCertPem },
  });

/** Runs dynamics-web-api in a child process that trusts the sim's CA through NODE_EXTRA_CA_CERTS. */
function dynamicsWebApi(instanceUrl: string, token: string, maxPageSize: number): Promise<{ users?: { azureObjectId: string; isDisabled: boolean }[]; error?: { status: number | null; message: string } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, '../support/dynamics-web-api-child.mjs'), instanceUrl, String(maxPageSize)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(JSON.parse(out || '{}') as never));
    child.stdin.end(token);
  });
}

describe('clients not written by us, against the simulated cloud', () => {
  it("@azure/identity gets Litware's service principal a token from the sim, and the ARM ManagementPartner client reads the link PAL Desk made with it", async () => {
    const credential = litwareCredential();
    const token = await credential.getToken(sim.profile.scopes.arm);
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ tid: LITWARE, oid: LITWARE_APP.objectId, appid: LITWARE_APP.clientId });

    const arm = new ACEProvisioningManagementPartnerAPI(credential, { endpoint: sim.profile.endpoints.arm, credentialScopes: [sim.profile.scopes.arm], tlsOptions: { ca: sim.caCertPem } });
    await expect(arm.partner.get('1234567')).rejects.toMatchObject({ statusCode: 404 });

    const app = await appFixture(sim);
    await app.handlers['tenants:add']({ query: 'litware.onmicrosoft.com' });
    await app.handlers['auth:add-service-principal']({ tenantId: LITWARE, clientId: LITWARE_APP.clientId, clientSecret: LITWARE_APP.secret });
    expect(await app.link({ tenantId: LITWARE })).toMatchObject({ kind: 'linked' });
    const ours = app.services.views.list().find((t) => t.tenantId === LITWARE)?.accounts[0]?.pal;
    await app.services.close();

    const read = await arm.partner.get('1234567');
    expect(read).toMatchObject({ partnerId: '1234567', objectId: LITWARE_APP.objectId, tenantId: LITWARE });
    expect(ours).toMatchObject({ status: 'linked', partnerId: read.partnerId });
  });

  it("dynamics-web-api reads every systemusers page of the Customer Insights environment through its own paging, and agrees with PAL Desk's reader", async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    expect((await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [CONTOSO] })).jobId)).counts).toMatchObject({ done: 1, failed: 0 });
    const ours = app.services.inventory.powerPlatform.dataverseUsers(CONTOSO).filter((u) => u.environmentId === CI_ENV);
    const instanceUrl = sim.instanceUrl(CI_ENV);
    const ana = app.services.accounts.accounts(CONTOSO)[0];
    if (!ana) throw new Error('Ana is not signed in to Contoso');
    const { token } = await app.services.auth.getToken(CONTOSO, identityRefOf(ana), `${instanceUrl}/.default`, 'Contoso');
    await app.services.close();

    const mark = sim.control.requestLog.length;
    const theirs = await dynamicsWebApi(instanceUrl, token, 1);
    const pages = sim.control.requestLog.slice(mark).filter((r) => r.path.startsWith('/api/data/v9.2/systemusers'));
    expect(theirs.error).toBeUndefined();
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(ours).toHaveLength(3);
    const key = (u: { azureObjectId: string; isDisabled: boolean }) => `${u.azureObjectId}:${u.isDisabled}`;
    expect(theirs.users?.map(key).sort()).toEqual(ours.map(key).sort());
  });
});
