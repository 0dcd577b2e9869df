import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guid } from '../../sim/scenario';
import { startSim, type RunningSim } from '../../sim';
import { ANA, authFixture, tidOf } from '../support/auth-fixture';

const tenant = (n: number) => guid('c0ffee', n);
const CONTOSO = tenant(1);
const FABRIKAM = tenant(2);
const WWI = tenant(7);
const TAILSPIN = tenant(4);
const WOODGROVE = tenant(5);
const PROSEWARE = tenant(8);
const ARM = 'https://management.azure.com/.default';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

const user = (homeAccountId: string) => ({ kind: 'user' as const, id: homeAccountId });

describe('sign-in per customer directory (real msal-node against the simulated cloud)', () => {
  it('signs in to one tenant interactively, then gets silent tokens for two more tenants of the same guest, and again after a restart', async () => {
    const first = authFixture(sim);
    const signedIn = await first.auth.signInInteractive(CONTOSO, 'Contoso');
    expect(signedIn).toMatchObject({ tenantId: CONTOSO, kind: 'user', username: ANA, objectId: guid('9e57', 1) });

    for (const tenantId of [FABRIKAM, WWI]) {
      const token = await first.auth.getToken(tenantId, user(signedIn.identityId), ARM, tenantId);
      expect(tidOf(token.token)).toBe(tenantId);
    }

    const restarted = authFixture(sim, { userDataDir: first.userDataDir, service: first.service, openBrowser: async () => expect.fail('no browser after a restart') });
    const token = await restarted.auth.getToken(FABRIKAM, user(signedIn.identityId), ARM, 'Fabrikam');
    expect(tidOf(token.token)).toBe(FABRIKAM);
    expect((await restarted.auth.accounts()).map((a) => a.username)).toEqual([ANA]);
  });

  it('never hands out a token of one cached tenant for another', async () => {
    const { auth } = authFixture(sim);
    const signedIn = await auth.signInInteractive(CONTOSO, 'Contoso');
    await auth.getToken(FABRIKAM, user(signedIn.identityId), ARM, 'Fabrikam');
    for (let round = 0; round < 2; round++) {
      for (const tenantId of [CONTOSO, FABRIKAM]) {
        expect(tidOf((await auth.getToken(tenantId, user(signedIn.identityId), ARM, tenantId)).token)).toBe(tenantId);
      }
    }
  });

  it('reports MFA as needed on a silent request, and an interactive sign-in with the claims challenge succeeds', async () => {
    const { auth } = authFixture(sim);
    const signedIn = await auth.signInInteractive(CONTOSO, 'Contoso');
    await expect(auth.getToken(TAILSPIN, user(signedIn.identityId), ARM, 'Tailspin Toys')).rejects.toMatchObject({
      code: 'mfa-required',
      message: 'Sign-in to Tailspin Toys needs multi-factor authentication (MFA): sign in again to continue.',
    });
    await auth.signInInteractive(TAILSPIN, 'Tailspin Toys');
    expect(tidOf((await auth.getToken(TAILSPIN, user(signedIn.identityId), ARM, 'Tailspin Toys')).token)).toBe(TAILSPIN);
  });

  it('says when the account is not a member of the customer directory', async () => {
    const { auth } = authFixture(sim);
    const signedIn = await auth.signInInteractive(CONTOSO, 'Contoso');
    await expect(auth.getToken(WOODGROVE, user(signedIn.identityId), ARM, 'Woodgrove Bank')).rejects.toMatchObject({
      code: 'not-a-member',
      message: expect.stringContaining('not a member or guest of Woodgrove Bank'),
    });
    await expect(auth.signInInteractive(WOODGROVE, 'Woodgrove Bank')).rejects.toMatchObject({ code: 'not-a-member' });
  });

  it('gives the admin-consent link when the app is not approved in the tenant', async () => {
    const { auth } = authFixture(sim);
    const signedIn = await auth.signInInteractive(CONTOSO, 'Contoso');
    const failure = await auth.getToken(PROSEWARE, user(signedIn.identityId), ARM, 'Proseware').catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'consent-required', detail: { adminConsentUrl: `${sim.profile.endpoints.authorityHost}/${PROSEWARE}/adminconsent?client_id=${sim.scenario.publicClientId}` } });
  });

  it('reports a wrong service-principal secret, and keeps a right one in the keychain for the next start', async () => {
    const litware = tenant(6);
    const sp = sim.scenario.servicePrincipals[0]!;
    const first = authFixture(sim);
    await expect(first.auth.addServicePrincipal(litware, sp.clientId, 'not-the-secret', 'Litware')).rejects.toMatchObject({ code: 'invalid-client-secret' });
    const added = await first.auth.addServicePrincipal(litware, sp.clientId, sp.secret, 'Litware');
    expect(added).toMatchObject({ kind: 'service-principal', objectId: sp.objectId });
    const restarted = authFixture(sim, { userDataDir: first.userDataDir, service: first.service });
    const token = await restarted.auth.getToken(litware, { kind: 'service-principal', id: sp.clientId }, ARM, 'Litware');
    expect(tidOf(token.token)).toBe(litware);
  });
});
