import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { guid, type Scenario } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';

const FABRIKAM = guid('c0ffee', 2);
const ADVENTURE_WORKS = guid('c0ffee', 3);
const ANA_IN = (n: number) => guid('9e57', n);
/** The demo, plus a delivery service principal of ours in Fabrikam and in Adventure Works. */
const scenario: Scenario = {
  ...demoScenario,
  servicePrincipals: [
    ...demoScenario.servicePrincipals,
    { tenantId: FABRIKAM, clientId: guid('5e7c1e', 2), secret: 'fabrikam-pipeline-secret', objectId: guid('5e7c1e0b', 2), displayName: 'Northwind pipeline' },
    { tenantId: ADVENTURE_WORKS, clientId: guid('5e7c1e', 3), secret: 'aw-pipeline-secret', objectId: guid('5e7c1e0b', 3), displayName: 'Northwind pipeline' },
  ],
};

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario });
});
afterAll(async () => {
  await sim.close();
});

/** Partner IDs the simulated ARM holds in the tenant, by object id. */
const linksIn = (tenantId: string) =>
  Object.fromEntries([...sim.control.partnerLinks()].filter(([key]) => key.startsWith(tenantId)).map(([key, l]) => [key.slice(tenantId.length + 1), l.partnerId]));

describe('several partner accounts in one tenant', () => {
  it('signs in a guest user and a service principal side by side, links each separately, and shows each with its own link', async () => {
    const app = await appFixture(sim);
    const tenant = await app.addAndSignIn('fabrikam.onmicrosoft.com');
    const withSp = await app.handlers['auth:add-service-principal']({ tenantId: FABRIKAM, clientId: guid('5e7c1e', 2), clientSecret: 'fabrikam-pipeline-secret' });
    expect(withSp.accounts).toMatchObject([
      { username: 'ana@northwindpartners.com', kind: 'user', objectId: ANA_IN(2), isDefault: true, signIn: 'signed-in', pal: { status: 'not-linked' } },
      { username: guid('5e7c1e', 2), kind: 'service-principal', objectId: guid('5e7c1e0b', 2), isDefault: false, signIn: 'signed-in' },
    ]);
    expect(tenant.tenantId).toBe(FABRIKAM);

    const result = await app.handlers['pal:link']({ tenantId: FABRIKAM });
    expect(result.accounts).toMatchObject([
      { account: 'ana@northwindpartners.com', outcome: { kind: 'linked', readBack: { objectId: ANA_IN(2) } } },
      { account: guid('5e7c1e', 2), outcome: { kind: 'linked', readBack: { objectId: guid('5e7c1e0b', 2) } } },
    ]);
    expect(linksIn(FABRIKAM)).toEqual({ [ANA_IN(2)]: '1234567', [guid('5e7c1e0b', 2)]: '1234567' });
    const audit = await app.handlers['audit:list']({ limit: 10 });
    expect(audit.map((a) => [a.identity, a.action, a.outcome])).toEqual([
      [guid('5e7c1e', 2), 'link', 'linked'],
      ['ana@northwindpartners.com', 'link', 'linked'],
    ]);
    const [view] = (await app.handlers['tenants:list']()).filter((t) => t.tenantId === FABRIKAM);
    expect(view?.pal).toMatchObject({ status: 'linked', linkedAccounts: 2, totalAccounts: 2 });
    expect(view?.accounts.map((a) => a.pal.status)).toEqual(['linked', 'linked']);

    await app.handlers['pal:unlink']({ tenantId: FABRIKAM, identityId: `sp:${guid('5e7c1e', 2)}`, partnerId: '1234567' });
    expect(linksIn(FABRIKAM)).toEqual({ [ANA_IN(2)]: '1234567' });
    const after = (await app.handlers['tenants:list']()).find((t) => t.tenantId === FABRIKAM);
    expect(after?.pal).toMatchObject({ status: 'not-linked', linkedAccounts: 1, totalAccounts: 2 });
    await app.services.close();
  });

  it("links every account with Link all, and asks to confirm another partner's ID for that account only", async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('adventureworks.onmicrosoft.com');
    await app.handlers['auth:add-service-principal']({ tenantId: ADVENTURE_WORKS, clientId: guid('5e7c1e', 3), clientSecret: 'aw-pipeline-secret' });
    const { jobId } = await app.handlers['pal:link-all']();
    const summary = await app.services.jobs.wait(jobId);
    expect(summary.counts).toMatchObject({ 'needs-confirmation': 1, failed: 0 });
    expect(linksIn(ADVENTURE_WORKS)).toEqual({ [ANA_IN(3)]: '7654321', [guid('5e7c1e0b', 3)]: '1234567' });
    const view = (await app.handlers['tenants:list']()).find((t) => t.tenantId === ADVENTURE_WORKS);
    expect(view?.pal).toMatchObject({ status: 'other-partner', partnerId: '7654321', linkedAccounts: 1, totalAccounts: 2 });
    expect(view?.accounts.map((a) => [a.username, a.pal.status])).toEqual([
      ['ana@northwindpartners.com', 'other-partner'],
      [guid('5e7c1e', 3), 'linked'],
    ]);

    const ana = view?.accounts[0]?.identityId;
    const replaced = await app.handlers['pal:link']({ tenantId: ADVENTURE_WORKS, identityId: ana, confirmReplaceOf: '7654321' });
    expect(replaced.accounts).toMatchObject([{ account: 'ana@northwindpartners.com', outcome: { kind: 'replaced', previousPartnerId: '7654321' } }]);
    expect(linksIn(ADVENTURE_WORKS)).toEqual({ [ANA_IN(3)]: '1234567', [guid('5e7c1e0b', 3)]: '1234567' });
    await app.services.close();
  });

  it('adds another user next to the first when a second consultant signs in, and lets either be the default', async () => {
    const two: Scenario = {
      ...demoScenario,
      users: [
        ...demoScenario.users,
        {
          username: 'ben@northwindpartners.com',
          displayName: 'Ben Consultant',
          homeTenantId: guid('aaaa', 1),
          objectId: guid('0b1ec7', 2),
          memberships: [{ tenantId: guid('aaaa', 1), objectId: guid('0b1ec7', 2) }, { tenantId: FABRIKAM, objectId: guid('9e58', 2) }],
        },
      ],
    };
    const other = await startSim({ scenario: two });
    const app = await appFixture(other);
    await app.addAndSignIn('fabrikam.onmicrosoft.com');
    app.browser.account = 'ben@northwindpartners.com';
    const both = await app.handlers['auth:sign-in']({ tenantId: FABRIKAM });
    expect(both.accounts.map((a) => [a.username, a.objectId, a.isDefault])).toEqual([
      ['ana@northwindpartners.com', ANA_IN(2), true],
      ['ben@northwindpartners.com', guid('9e58', 2), false],
    ]);
    const ben = both.accounts[1]?.identityId ?? '';
    expect((await app.handlers['auth:set-default-account']({ tenantId: FABRIKAM, identityId: ben })).accounts[0]).toMatchObject({ username: 'ben@northwindpartners.com', isDefault: true });
    expect(await app.link({ tenantId: FABRIKAM, identityId: ben })).toMatchObject({ kind: 'linked', readBack: { objectId: guid('9e58', 2) } });
    const afterSignOut = await app.handlers['auth:sign-out']({ tenantId: FABRIKAM, identityId: ben });
    expect(afterSignOut.accounts).toMatchObject([{ username: 'ana@northwindpartners.com', isDefault: true }]);
    await app.services.close();
    await other.close();
  });
});

describe('adding a customer', () => {
  it('uses an account already signed in in PAL Desk that is a guest there, without opening a browser', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    expect(app.opened).toHaveLength(1);
    const wwi = await app.handlers['tenants:add']({ query: 'wideworldimporters.onmicrosoft.com' });
    expect(app.opened).toHaveLength(1);
    expect(wwi).toMatchObject({ displayName: 'Wide World Importers', accounts: [{ username: 'ana@northwindpartners.com', objectId: ANA_IN(7), signIn: 'signed-in', isDefault: true }] });
    expect(await app.link({ tenantId: wwi.tenantId })).toMatchObject({ kind: 'linked' });
    await app.services.close();
  });

  it('leaves the sign-in to the person when no account of ours reaches the new customer', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const woodgrove = await app.handlers['tenants:add']({ query: 'woodgrovebank.onmicrosoft.com' });
    expect(woodgrove.accounts).toEqual([]);
    expect(app.opened).toHaveLength(1);
    await app.services.close();
  });
});
