import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronNetwork } from '../../../src/main/shell/electron-network';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { demoScenario } from '../../sim/scenarios/demo';
import { appFixture } from '../support/app-fixture';
import { httpsNetStandIn } from '../support/https-net-stand-in';

const CONTOSO = guid('c0ffee', 1);

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: demoScenario });
});
afterAll(async () => {
  await sim.close();
});

describe("the desktop app's network (Electron's net, here a stand-in over HTTPS)", () => {
  it('signs in and syncs the demo tenant with every token request and API call sent through net.fetch', async () => {
    const { net, urls } = httpsNetStandIn(sim.caCertPem);
    // The desktop app's own composition (electronNetwork), as for a real cloud: the stand-in trusts the sim's CA as the OS store would.
    const app = await appFixture(sim, { network: electronNetwork(net, { caCertPem: undefined }) });
    try {
      await app.addAndSignIn('contoso.onmicrosoft.com');
      const summary = await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [CONTOSO] })).jobId);
      expect(summary.counts).toMatchObject({ done: 1, failed: 0, 'needs-sign-in': 0 });
      expect(app.services.inventory.powerPlatform.apps(CONTOSO)).toHaveLength(7);
      expect(app.services.inventory.powerPlatform.flows(CONTOSO)).toHaveLength(5);
      expect(app.services.connectivity.state().online).toBe(true);

      const hosts = new Set(urls.map((url) => new URL(url).origin));
      const { endpoints } = sim.profile;
      for (const origin of [endpoints.authorityHost, endpoints.arm, endpoints.bap, endpoints.powerApps, endpoints.flow, endpoints.powerBi]) expect(hosts, origin).toContain(new URL(origin).origin);
      expect(urls.some((url) => url.includes('/oauth2/v2.0/token'))).toBe(true);
    } finally {
      await app.services.close();
    }
  });
});
