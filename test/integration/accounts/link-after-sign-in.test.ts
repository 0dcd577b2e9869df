import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';

const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
const ADVENTURE_WORKS = guid('c0ffee', 3);
const LITWARE = guid('c0ffee', 6);

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

describe("an account's partner link is read right after it signs in", () => {
  it('shows Contoso as linked to 1234567, read just now, after an interactive sign-in, and tells the windows', async () => {
    const app = await appFixture(sim);
    const before = Date.now();
    const view = await app.addAndSignIn('contoso.onmicrosoft.com');
    expect(view.accounts[0]?.pal).toMatchObject({ status: 'linked', partnerId: '1234567', partnerName: 'Northwind Partners' });
    expect(Date.parse(view.accounts[0]?.pal.seenAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(view.stale).toEqual([]);
    const last = app.events.filter((e) => e.event === 'tenants:changed').at(-1);
    expect(last?.event === 'tenants:changed' && last.payload.find((t) => t.tenantId === CONTOSO)?.pal.status).toBe('linked');
    await app.services.close();
  });

  it("reads the link of a customer added without a browser, and of another partner's ID", async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const fabrikam = await app.handlers['tenants:add']({ query: 'fabrikam.onmicrosoft.com' });
    expect(fabrikam.tenantId).toBe(FABRIKAM);
    expect(fabrikam.accounts[0]).toMatchObject({ signIn: 'signed-in', pal: { status: 'not-linked', partnerId: null } });
    expect(fabrikam.accounts[0]?.pal.seenAt).not.toBeNull();
    const adventure = await app.handlers['tenants:add']({ query: 'adventureworks.onmicrosoft.com' });
    expect(adventure.tenantId).toBe(ADVENTURE_WORKS);
    expect(adventure.pal).toMatchObject({ status: 'other-partner', partnerId: '7654321' });
    await app.services.close();
  });

  it('reads the link of a service principal as soon as it is added', async () => {
    const app = await appFixture(sim);
    const litware = await app.handlers['tenants:add']({ query: 'litware.onmicrosoft.com' });
    const view = await app.handlers['auth:add-service-principal']({ tenantId: litware.tenantId, clientId: guid('5e7c1e', 6), clientSecret: 'litware-demo-secret' });
    expect(view.tenantId).toBe(LITWARE);
    expect(view.accounts[0]).toMatchObject({ kind: 'service-principal', pal: { status: 'not-linked' } });
    expect(view.accounts[0]?.pal.seenAt).not.toBeNull();
    await app.services.close();
  });

  it('keeps the sign-in when Azure cannot answer the read, and says why the link is not known', async () => {
    const app = await appFixture(sim, { requestTimeoutMs: 2000 });
    const tenant = await app.handlers['tenants:add']({ query: 'contoso.onmicrosoft.com' });
    sim.control.setFaults({ errorRate: 1, errorStatus: 503, ratePathIncludes: 'ManagementPartner' });
    try {
      const view = await app.handlers['auth:sign-in']({ tenantId: tenant.tenantId });
      expect(view.accounts[0]).toMatchObject({ signIn: 'signed-in', pal: { status: 'unknown', seenAt: null } });
      expect(view.stale).toEqual([expect.objectContaining({ collector: 'partner-links', message: expect.stringMatching(/\S/) })]);
    } finally {
      sim.control.clearFaults();
    }
    await app.services.close();
  });
});
