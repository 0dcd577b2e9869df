import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../src/shared/job-types';
import { startSim, type RunningSim } from '../../sim';
import { appFixture, type EmittedEvent } from '../support/app-fixture';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

const finished = (events: EmittedEvent[], jobId: string) =>
  new Promise<JobSummary>((resolve) => {
    const check = () => {
      const done = events.find((e) => e.event === 'job:finished' && e.payload.jobId === jobId);
      if (done) resolve(done.payload as JobSummary);
      else setImmediate(check);
    };
    check();
  });

describe('discover, sync and link all', () => {
  it('discovers every directory after one sign-in, tracks them, and a sync marks which need a person — without opening a browser', async () => {
    const app = await appFixture(sim);
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    const discovered = await app.handlers['tenants:discover']({ tenantId: contoso.tenantId });
    expect(discovered.map((t) => t.displayName).sort()).toEqual(
      ['Adventure Works', 'Contoso Ltd', 'Fabrikam Inc', 'Northwind Partners', 'Proseware', 'Tailspin Toys', 'Wide World Importers'],
    );
    expect(discovered.find((t) => t.tenantId === contoso.tenantId)?.tracked).toBe(true);
    const others = discovered.filter((t) => !t.tracked && t.category !== 'Home').map((t) => t.tenantId);
    app.events.length = 0;
    await app.handlers['tenants:track']({ tenantIds: others });
    const syncStarted = app.events.find((e) => e.event === 'job:progress');
    const summary = await finished(app.events, syncStarted?.payload.jobId as string);
    expect(summary.counts).toMatchObject({ done: 3, 'needs-sign-in': 2, failed: 0 });

    const byName = Object.fromEntries((await app.handlers['tenants:list']()).map((t) => [t.displayName, t]));
    expect(byName['Adventure Works']).toMatchObject({ accounts: [{ signIn: 'signed-in' }], pal: { status: 'other-partner', partnerId: '7654321' } });
    expect(byName['Fabrikam Inc']).toMatchObject({ accounts: [{ signIn: 'signed-in' }], pal: { status: 'not-linked' } });
    expect(byName['Tailspin Toys']?.accounts[0]).toMatchObject({ signIn: 'needs-sign-in', lastError: { code: 'mfa-required' } });
    expect(byName['Proseware']?.accounts[0]).toMatchObject({ signIn: 'needs-sign-in', lastError: { code: 'consent-required' } });
    expect(byName['Fabrikam Inc']?.pal.seenAt).not.toBeNull();
  });

  it('links all tracked tenants, skipping another partner\'s and the ones that need sign-in, and reports progress per tenant', async () => {
    const app = await appFixture(sim);
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    const discovered = await app.handlers['tenants:discover']({ tenantId: contoso.tenantId });
    const others = discovered.filter((t) => !t.tracked && t.category !== 'Home').map((t) => t.tenantId);
    await app.handlers['tenants:track']({ tenantIds: others });
    const { jobId } = await app.handlers['pal:link-all']();
    const summary = await finished(app.events, jobId);
    expect(summary.counts).toMatchObject({ done: 3, 'needs-confirmation': 1, 'needs-sign-in': 2 });
    const steps = app.events.filter((e) => e.event === 'job:progress' && e.payload.jobId === jobId && e.payload.status === 'running');
    expect(steps).toHaveLength(6);
    const statuses = Object.fromEntries((await app.handlers['tenants:list']()).map((t) => [t.displayName, t.pal.status]));
    expect(statuses).toMatchObject({ 'Contoso Ltd': 'linked', 'Fabrikam Inc': 'linked', 'Wide World Importers': 'linked', 'Adventure Works': 'other-partner' });
  });

  it('links only the selected tenants ("Link selected") and leaves the others as they were', async () => {
    const app = await appFixture(sim);
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    const discovered = await app.handlers['tenants:discover']({ tenantId: contoso.tenantId });
    const others = discovered.filter((t) => !t.tracked && t.category !== 'Home');
    await app.handlers['tenants:track']({ tenantIds: others.map((t) => t.tenantId) });
    const fabrikam = others.find((t) => t.displayName === 'Fabrikam Inc')!.tenantId;
    const { jobId } = await app.handlers['pal:link-tenants']({ tenantIds: [fabrikam] });
    const summary = await finished(app.events, jobId);
    expect(summary).toMatchObject({ total: 1, counts: { done: 1 } });
    const statuses = Object.fromEntries((await app.handlers['tenants:list']()).map((t) => [t.displayName, t.pal.status]));
    expect(statuses['Fabrikam Inc']).toBe('linked');
    expect(statuses['Wide World Importers']).not.toBe('linked');
  });

  it('cancels a running sync: tasks not started never run', async () => {
    const app = await appFixture(sim, { concurrency: 1 });
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    const discovered = await app.handlers['tenants:discover']({ tenantId: contoso.tenantId });
    await app.handlers['tenants:track']({ tenantIds: discovered.filter((t) => !t.tracked).map((t) => t.tenantId) });
    const { jobId } = await app.handlers['inventory:sync']({});
    expect(await app.handlers['jobs:cancel']({ jobId })).toEqual({ cancelled: true });
    const summary = await finished(app.events, jobId);
    expect(summary.cancelled).toBe(true);
    expect(summary.counts.cancelled).toBeGreaterThan(0);
  });

  it('keeps the last known partner links when the collector fails, marks only them stale with the reason, and clears that on the next good sync', async () => {
    const app = await appFixture(sim);
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [contoso.tenantId] })).jobId);
    const good = (await app.handlers['tenants:list']())[0];
    expect(good).toMatchObject({ pal: { status: 'linked', partnerId: '1234567' }, stale: [] });

    sim.control.setFaults({ errorRate: 1, errorStatus: 503, ratePathIncludes: 'ManagementPartner' });
    const failed = await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [contoso.tenantId] })).jobId);
    sim.control.clearFaults();
    expect(failed.counts.failed).toBe(1);
    const stale = (await app.handlers['tenants:list']())[0];
    expect(stale?.pal).toEqual(good?.pal);
    expect(stale?.stale).toMatchObject([{ collector: 'partner-links', code: 'service-unavailable', message: expect.stringContaining('Contoso'), succeededAt: expect.any(String) }]);

    await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [contoso.tenantId] })).jobId);
    expect((await app.handlers['tenants:list']())[0]?.stale).toEqual([]);
    await app.services.close();
  });

  it('cancels a sync that is waiting out a Retry-After: it ends at once instead of after the wait', async () => {
    const app = await appFixture(sim);
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    const throttledBefore = sim.control.requestLog.filter((r) => r.status === 429).length;
    sim.control.setFaults({ retryAfterSeconds: 30, next: [{ kind: '429', count: 1, pathIncludes: 'ManagementPartner' }] });
    const { jobId } = await app.handlers['inventory:sync']({ tenantIds: [contoso.tenantId] });
    const throttled = () => sim.control.requestLog.filter((r) => r.status === 429).length > throttledBefore;
    await new Promise<void>((resolve) => {
      const check = () => (throttled() ? resolve() : setImmediate(check));
      check();
    });
    const cancelledAt = performance.now();
    expect(await app.handlers['jobs:cancel']({ jobId })).toEqual({ cancelled: true });
    const summary = await app.services.jobs.wait(jobId);
    sim.control.clearFaults();
    expect(performance.now() - cancelledAt).toBeLessThan(5_000);
    expect(summary).toMatchObject({ cancelled: true, counts: { cancelled: 1 } });
    await app.services.close();
  });
});
