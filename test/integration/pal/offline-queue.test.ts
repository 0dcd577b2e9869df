import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { appFixture } from '../support/app-fixture';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

describe('offline queue', () => {
  it('queues a link made offline, keeps it across a restart, and sends it once when Azure is back', async () => {
    const first = await appFixture(sim);
    const fabrikam = await first.addAndSignIn('fabrikam.onmicrosoft.com');
    await sim.control.goOffline();
    const outcome = await first.link({ tenantId: fabrikam.tenantId });
    expect(outcome).toMatchObject({ kind: 'queued' });
    expect(await first.link({ tenantId: fabrikam.tenantId })).toEqual(outcome);
    expect((await first.handlers['tenants:list']())[0]).toMatchObject({ pendingActions: 1 });
    await first.services.close();

    const restarted = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service });
    expect(await restarted.handlers['pending:list']()).toMatchObject([{ tenantId: fabrikam.tenantId, kind: 'link', partnerId: '1234567', status: 'queued' }]);
    await sim.control.goOnline();
    const writesBefore = sim.control.requestLog.filter((r) => r.method === 'PUT').length;
    expect(await restarted.services.replayer.drain()).toBe(1);
    expect(await restarted.services.replayer.drain()).toBe(0);
    expect(sim.control.requestLog.filter((r) => r.method === 'PUT').length - writesBefore).toBe(1);
    expect([...sim.control.partnerLinks().values()].filter((l) => l.partnerId === '1234567')).toHaveLength(2);
    expect(await restarted.handlers['pending:list']()).toEqual([]);
    const audit = await restarted.handlers['audit:list']({ limit: 10 });
    expect(audit.filter((a) => a.tenantId === fabrikam.tenantId)).toMatchObject([{ action: 'link', outcome: 'linked', after: '1234567' }]);
    await restarted.services.close();
  });
});
