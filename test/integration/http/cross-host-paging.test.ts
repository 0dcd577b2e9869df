import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRef } from '../../../src/main/domain/identity';
import type { AuthService } from '../../../src/main/auth/auth-service';
import { ClientRegistry } from '../../../src/main/http/client-registry';
import { listApps } from '../../../src/main/powerplatform/power-apps-api';
import type { CloudProfile } from '../../../src/shared/cloud-profile';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { authFixture } from '../support/auth-fixture';

const CONTOSO = guid('c0ffee', 1);
const PROD = guid('e0', 12);
let sim: RunningSim;
let auth: AuthService;
let ana: IdentityRef;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ auth } = authFixture(sim));
  ana = { kind: 'user', id: (await auth.signInInteractive(CONTOSO, 'Contoso')).identityId };
});
afterAll(async () => {
  await sim.close();
});

const appsOf = (cloud: CloudProfile) => {
  const clients = new ClientRegistry({ cloud, credentialFor: (tenantId, identity, label) => auth.credential(tenantId, identity, label) });
  return listApps(
    { rest: clients.rest(CONTOSO, ana, cloud.scopes.powerApps, 'Contoso'), base: cloud.endpoints.powerApps, tenantId: CONTOSO, seenAt: '2026-12-01T00:00:00.000Z', signal: new AbortController().signal },
    PROD,
    'admin',
  );
};

describe('paging across Microsoft hosts', () => {
  it("follows Power Apps' next page onto ARM's host with an ARM token, and every app arrives", async () => {
    const since = sim.control.requestLog.length;
    const apps = await appsOf(sim.profile);
    expect(apps.map((a) => a.displayName)).toEqual(['Field Inspections', 'Expense Approvals', 'Asset Tracker']);
    const lists = sim.control.requestLog.slice(since).filter((r) => r.path.endsWith(`/environments/${PROD}/apps`));
    expect(lists.map((r) => [r.service, r.status])).toEqual([
      ['powerApps', 200],
      ['arm', 200],
    ]);
  });

  it('refuses a next page on a host that is not one of the cloud\'s services, and sends it nothing, not even a request', async () => {
    // The same cloud, but ARM lives elsewhere: the Power Apps nextLink (on the sim's ARM origin) now points outside the cloud.
    const cloud: CloudProfile = { ...sim.profile, endpoints: { ...sim.profile.endpoints, arm: sim.profile.endpoints.arm.replace('127.0.0.1', 'localhost') } };
    const since = sim.control.requestLog.length;
    await expect(appsOf(cloud)).rejects.toMatchObject({
      code: 'service-unavailable',
      message: expect.stringMatching(/Power Platform pointed the next page for Contoso to another host \(127\.0\.0\.1:\d+\) that is not a Microsoft service of this cloud; PAL Desk sends nothing there/),
    });
    const seen = sim.control.requestLog.slice(since);
    expect(seen.filter((r) => r.service === 'arm')).toEqual([]);
    expect(seen.filter((r) => r.service === 'powerApps' && r.path.endsWith('/apps'))).toHaveLength(1);
  });

  it('ends a list that keeps giving pages after the page cap, naming the service', async () => {
    const clients = new ClientRegistry({ cloud: sim.profile, credentialFor: (tenantId, identity, label) => auth.credential(tenantId, identity, label) });
    const url = `${sim.profile.endpoints.bap}/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01`;
    await expect(clients.rest(CONTOSO, ana, sim.profile.scopes.powerApps, 'Contoso').all(url, undefined, { maxPages: 1 })).rejects.toMatchObject({
      code: 'service-unavailable',
      message: 'Power Platform kept giving more pages for Contoso after 1; PAL Desk stopped reading there, so this list is incomplete. Try again later.',
    });
  });

  it('asks for no token for an audience that is not one of the cloud\'s services or Dataverse hosts', () => {
    const clients = new ClientRegistry({ cloud: sim.profile, credentialFor: () => {
      throw new Error('no credential may be asked for');
    } });
    expect(() => clients.rest(CONTOSO, ana, 'https://evil.example.com/.default', 'Contoso')).toThrow(/evil\.example\.com is not a Microsoft service of Simulated cloud; PAL Desk does not sign in to it for Contoso/);
    expect(() => clients.rest(CONTOSO, ana, 'https://org.crm.dynamics.com/.default', 'Contoso')).toThrow(/is not a Microsoft service of Simulated cloud/);
    const real = new ClientRegistry({ cloud: sim.profile, credentialFor: (tenantId, identity, label) => auth.credential(tenantId, identity, label) });
    expect(real.rest(CONTOSO, ana, `${sim.instanceUrl(guid('e0', 13))}/.default`, 'Contoso')).toBeDefined();
  });
});
