import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../src/shared/job-types';
import { startSim, type RunningSim } from '../../sim';
import { appFixture } from '../support/app-fixture';

const TOKEN_PATH = '/oauth2/v2.0/token';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterEach(() => sim.control.clearFaults());
afterAll(async () => {
  await sim.close();
});

/** An app signed in to Fabrikam whose link was queued while Azure was offline; closed, so the next start must ask the token service again. */
async function queuedLinkOnDisk() {
  const first = await appFixture(sim);
  const fabrikam = await first.addAndSignIn('fabrikam.onmicrosoft.com');
  await sim.control.goOffline();
  expect(await first.link({ tenantId: fabrikam.tenantId })).toMatchObject({ kind: 'queued' });
  await first.services.close();
  await sim.control.goOnline();
  return { first, tenantId: fabrikam.tenantId };
}

describe('the token service busy, slow or gone', () => {
  for (const kind of ['429', '5xx'] as const) {
    it(`keeps a queued link queued while Azure sign-in answers ${kind === '429' ? '429' : '503'}, and sends it once sign-in recovers`, async () => {
      const { first, tenantId } = await queuedLinkOnDisk();
      const restarted = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service });
      sim.control.setFaults({ next: [{ kind, count: 1, pathIncludes: TOKEN_PATH }] });
      expect(await restarted.services.replayer.drain()).toBe(0);
      const [pending] = await restarted.handlers['pending:list']();
      expect(pending).toMatchObject({ tenantId, status: 'queued' });
      expect(pending?.lastError).toMatch(/Azure sign-in is busy/);
      expect(pending?.lastError).not.toMatch(/sign out/i);
      const tenant = (await restarted.handlers['tenants:list']()).find((t) => t.tenantId === tenantId);
      expect(tenant?.accounts[0]?.signIn).toBe('signed-in');

      expect(await restarted.services.replayer.drain()).toBe(1);
      expect(await restarted.handlers['pending:list']()).toEqual([]);
      expect([...sim.control.partnerLinks().values()].some((l) => l.partnerId === '1234567')).toBe(true);
      await restarted.services.close();
    });
  }

  it('ends a token request that is never answered as a timeout within the configured limit', async () => {
    const { first, tenantId } = await queuedLinkOnDisk();
    const restarted = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service, tokenTimeoutMs: 1_000 });
    sim.control.setFaults({ next: [{ kind: 'hang', count: 1, pathIncludes: TOKEN_PATH }] });
    const started = performance.now();
    expect(await restarted.services.replayer.drain()).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
    const [pending] = await restarted.handlers['pending:list']();
    expect(pending).toMatchObject({ tenantId, status: 'queued' });
    expect(pending?.lastError).toMatch(/did not answer in time/);
    expect(await restarted.services.replayer.drain()).toBe(1);
    await restarted.services.close();
  });

  it('marks a tenant failed for a transient reason, not as needing sign-in, when a sync meets a token service answering 503', async () => {
    const first = await appFixture(sim);
    const fabrikam = await first.addAndSignIn('fabrikam.onmicrosoft.com');
    await first.services.close();
    const restarted = await appFixture(sim, { userDataDir: first.userDataDir, service: first.service });
    sim.control.setFaults({ next: [{ kind: '5xx', count: 100, pathIncludes: TOKEN_PATH }] });
    const summary: JobSummary = await restarted.services.jobs.wait(restarted.services.sync.sync([fabrikam.tenantId]).jobId);
    expect(summary.counts).toMatchObject({ failed: 1, 'needs-sign-in': 0 });
    const tenant = (await restarted.handlers['tenants:list']()).find((t) => t.tenantId === fabrikam.tenantId);
    expect(tenant?.accounts[0]?.signIn).toBe('signed-in');
    const partnerLinks = tenant?.stale.find((f) => f.collector === 'partner-links');
    expect(partnerLinks).toMatchObject({ collector: 'partner-links', code: 'service-unavailable' });
    expect(partnerLinks?.message).toMatch(/Azure sign-in is busy/);
    expect(tenant?.stale.every((f) => f.code === 'service-unavailable')).toBe(true);
    await restarted.services.close();
  });
});
