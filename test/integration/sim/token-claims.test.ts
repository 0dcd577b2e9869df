import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim, type Scenario } from '../../sim';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { ANA, authFixture } from '../support/auth-fixture';

const HOME = guid('aaaa', 1);
const CONTOSO = guid('c0ffee', 1);
const ARM = 'https://management.azure.com/.default';
const POWER_BI = 'https://analysis.windows.net/powerbi/api/.default';
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** The demo, where Contoso's service principal was granted Power BI's Tenant.Read.All application permission. */
const [litwareSp, contosoSp] = demoScenario.servicePrincipals;
const scenario: Scenario = {
  ...demoScenario,
  name: 'token-claims',
  servicePrincipals: [litwareSp!, { ...contosoSp!, appRoles: { powerBi: ['Tenant.Read.All'] } }],
};

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario });
});
afterAll(async () => {
  await sim.close();
});

describe('access tokens carry the claims of Entra ID v1.0 tokens (Learn, "Access token claims reference")', () => {
  it('names the user, the app and the delegated permissions for the resource asked, in the user’s own and a guest tenant', async () => {
    const { auth } = authFixture(sim);
    const signedIn = await auth.signInInteractive(HOME, 'Northwind Partners');
    const user = { kind: 'user' as const, id: signedIn.identityId };

    const home = claimsOf((await auth.getToken(HOME, user, ARM, 'Northwind Partners')).token);
    expect(home).toMatchObject({
      aud: 'https://management.azure.com', ver: '1.0', idtyp: 'user', tid: HOME, oid: guid('0b1ec7', 1),
      upn: ANA, unique_name: ANA, name: 'Ana Consultant', scp: 'user_impersonation',
      appid: demoScenario.publicClientId, app_displayname: 'Microsoft Azure CLI', appidacr: '0',
    });
    expect(home).not.toHaveProperty('roles');
    expect(home).not.toHaveProperty('idp');

    const guest = claimsOf((await auth.getToken(CONTOSO, user, POWER_BI, 'Contoso')).token);
    expect(guest).toMatchObject({
      aud: 'https://analysis.windows.net/powerbi/api', idtyp: 'user', tid: CONTOSO, oid: guid('9e57', 1), upn: ANA,
      scp: 'Dataset.Read.All Tenant.Read.All Workspace.Read.All', idp: `https://sts.windows.net/${HOME}/`,
    });
  });

  it('marks a service principal’s token as an app’s, with the application permissions it was granted as roles and no user claims', async () => {
    const { auth } = authFixture(sim);
    const sp = { kind: 'service-principal' as const, id: contosoSp!.clientId };
    await auth.addServicePrincipal(CONTOSO, contosoSp!.clientId, contosoSp!.secret, 'Contoso');
    const powerBi = claimsOf((await auth.getToken(CONTOSO, sp, POWER_BI, 'Contoso')).token);
    expect(powerBi).toMatchObject({ idtyp: 'app', roles: ['Tenant.Read.All'], appid: contosoSp!.clientId, app_displayname: contosoSp!.displayName, oid: contosoSp!.objectId, tid: CONTOSO, appidacr: '1' });
    for (const claim of ['scp', 'upn', 'unique_name', 'name']) expect(powerBi).not.toHaveProperty(claim);
    const arm = claimsOf((await auth.getToken(CONTOSO, sp, ARM, 'Contoso')).token);
    expect(arm).toMatchObject({ idtyp: 'app' });
    expect(arm).not.toHaveProperty('roles');
  });
});
