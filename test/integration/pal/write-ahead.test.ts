import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { appFixture } from '../support/app-fixture';
import { writesAndAudit } from '../support/write-invariant';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => sim.control.clearFaults());

const writesSince = (from: number) => sim.control.writes().slice(from);

describe('write-ahead audit', () => {
  it('audits a write whose answer was lost exactly once: queued as unknown, then confirmed by reading the link back', async () => {
    const app = await appFixture(sim);
    const fabrikam = await app.addAndSignIn('fabrikam.onmicrosoft.com');
    const from = sim.control.writes().length;
    sim.control.setFaults({ next: [{ kind: 'lost-answer', count: 1, pathIncludes: 'ManagementPartner', method: 'PUT' }] });
    const outcome = await app.link({ tenantId: fabrikam.tenantId });
    expect(outcome).toMatchObject({ kind: 'queued' });
    expect(writesSince(from)).toMatchObject([{ method: 'PUT', tenantId: fabrikam.tenantId, partnerId: '1234567' }]);
    expect(await app.handlers['audit:list']({ limit: 10 })).toEqual([]);

    expect(await app.services.replayer.drain()).toBe(1);
    expect(writesSince(from)).toHaveLength(1);
    const audit = await app.handlers['audit:list']({ limit: 10 });
    expect(audit).toMatchObject([{ tenantName: 'Fabrikam Inc', action: 'link', before: null, after: '1234567', outcome: 'linked', message: expect.stringContaining('after an unknown outcome') }]);
    expect(await app.handlers['pending:list']()).toEqual([]);
    const { received, audited } = writesAndAudit(writesSince(from), audit);
    expect(audited).toEqual(received);
    await app.services.close();
  });

  it('settles an unknown outcome at the next sync too, and records nothing for a write that never reached Azure', async () => {
    const app = await appFixture(sim);
    const wwi = await app.addAndSignIn('wideworldimporters.onmicrosoft.com');
    const from = sim.control.writes().length;
    sim.control.setFaults({ next: [{ kind: 'lost-answer', count: 1, pathIncludes: 'ManagementPartner', method: 'PUT' }] });
    expect(await app.link({ tenantId: wwi.tenantId })).toMatchObject({ kind: 'queued' });
    await app.services.jobs.wait(app.services.sync.sync([wwi.tenantId]).jobId);
    expect(await app.handlers['audit:list']({ limit: 10 })).toMatchObject([{ outcome: 'linked', message: expect.stringContaining('after an unknown outcome') }]);
    expect(await app.services.replayer.drain()).toBe(0);
    expect(await app.handlers['pending:list']()).toEqual([]);

    await app.handlers['pal:unlink']({ tenantId: wwi.tenantId, partnerId: '1234567' });
    sim.control.setFaults({ next: [{ kind: 'reset', count: 1, pathIncludes: 'ManagementPartner', method: 'PUT' }] });
    expect(await app.link({ tenantId: wwi.tenantId })).toMatchObject({ kind: 'queued' });
    await app.services.jobs.wait(app.services.sync.sync([wwi.tenantId]).jobId);
    expect((await app.handlers['audit:list']({ limit: 10 })).map((a) => a.outcome)).toEqual(['unlinked', 'linked']);
    expect(await app.services.replayer.drain()).toBe(1);
    const audit = await app.handlers['audit:list']({ limit: 10 });
    expect(audit.map((a) => a.outcome)).toEqual(['linked', 'unlinked', 'linked']);
    const { received, audited } = writesAndAudit(writesSince(from), audit);
    expect(audited).toEqual(received);
    await app.services.close();
  });
});

describe('waiting for Azure', () => {
  it('queues a link at once with the time Azure gave when its Retry-After is beyond a minute, and sends it only then', async () => {
    const app = await appFixture(sim);
    const tenant = await app.addAndSignIn('fabrikam.onmicrosoft.com');
    await app.handlers['pal:unlink']({ tenantId: tenant.tenantId, partnerId: '1234567' }).catch(() => undefined);
    sim.control.setFaults({ retryAfterSeconds: 3600, next: [{ kind: '429', count: 1, pathIncludes: 'ManagementPartner' }] });
    const started = Date.now();
    const outcome = await app.link({ tenantId: tenant.tenantId });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(outcome).toMatchObject({ kind: 'queued', retryAt: expect.any(String) });
    const retryAt = Date.parse((outcome as { retryAt: string }).retryAt);
    expect(retryAt - started).toBeGreaterThan(3_500_000);
    expect(await app.handlers['pending:list']()).toMatchObject([{ status: 'queued', notBefore: (outcome as { retryAt: string }).retryAt }]);
    expect(await app.services.replayer.drain()).toBe(0);
    expect(await app.handlers['pending:list']()).toHaveLength(1);
    await app.services.close();
  });
});
