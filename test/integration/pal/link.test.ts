import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/result';
import { startSim, type RunningSim } from '../../sim';
import { appFixture } from '../support/app-fixture';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.control.clearFaults();
  sim.control.denyWrites(false);
  sim.control.staleReadsAfterNextWrite(0);
});

const linkedIn = (tenantId: string) => [...sim.control.partnerLinks()].filter(([key]) => key.startsWith(tenantId)).map(([, l]) => l.partnerId);
const writes = () => sim.control.requestLog.filter((r) => r.path.toLowerCase().includes('managementpartner/partners/') && r.method !== 'GET').length;

describe('linking the partner ID through the real ARM SDK', () => {
  it('links an unlinked tenant, verifies by reading back, and audits the change with the ARM request id', async () => {
    const app = await appFixture(sim);
    const fabrikam = await app.addAndSignIn('fabrikam.onmicrosoft.com');
    expect(fabrikam.displayName).toBe('Fabrikam Inc');
    const outcome = await app.link({ tenantId: fabrikam.tenantId });
    expect(outcome).toMatchObject({ kind: 'linked', partnerId: '1234567', readBack: { partnerId: '1234567', partnerName: 'Northwind Partners' } });
    expect(linkedIn(fabrikam.tenantId)).toEqual(['1234567']);
    const [entry] = await app.handlers['audit:list']({ limit: 10 });
    expect(entry).toMatchObject({ tenantName: 'Fabrikam Inc', identity: 'ana@northwindpartners.com', action: 'link', before: null, after: '1234567', outcome: 'linked' });
    expect(entry?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const view = (await app.handlers['tenants:list']()).find((t) => t.tenantId === fabrikam.tenantId);
    expect(view?.pal).toMatchObject({ status: 'linked', partnerId: '1234567' });
  });

  it('reports "already linked" without writing when the same ID is linked', async () => {
    const app = await appFixture(sim);
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    const before = writes();
    expect(await app.link({ tenantId: contoso.tenantId })).toMatchObject({ kind: 'already-linked', partnerId: '1234567' });
    expect(writes()).toBe(before);
    expect((await app.handlers['audit:list']({ limit: 1 }))[0]).toMatchObject({ outcome: 'already-linked', message: 'No write was needed.' });
  });

  it('stops at another partner\'s ID, leaves it alone when declined, and replaces it only after confirmation', async () => {
    const app = await appFixture(sim);
    const aw = await app.addAndSignIn('adventureworks.onmicrosoft.com');
    expect(await app.link({ tenantId: aw.tenantId })).toEqual({ kind: 'needs-confirmation', otherPartnerId: '7654321', otherPartnerName: 'Another Partner Ltd' });
    expect(linkedIn(aw.tenantId)).toEqual(['7654321']);
    expect(await app.handlers['audit:list']({ limit: 10 })).toEqual([]);
    expect((await app.handlers['tenants:list']()).find((t) => t.tenantId === aw.tenantId)?.pal.status).toBe('other-partner');

    const replaced = await app.link({ tenantId: aw.tenantId, confirmReplaceOf: '7654321' });
    expect(replaced).toMatchObject({ kind: 'replaced', previousPartnerId: '7654321', partnerId: '1234567' });
    expect(linkedIn(aw.tenantId)).toEqual(['1234567']);
    expect((await app.handlers['audit:list']({ limit: 1 }))[0]).toMatchObject({ action: 'replace', before: '7654321', after: '1234567', outcome: 'replaced' });
  });

  it('removes our link after confirmation and refuses to remove another partner\'s', async () => {
    const app = await appFixture(sim);
    const wwi = await app.addAndSignIn('wideworldimporters.onmicrosoft.com');
    await app.link({ tenantId: wwi.tenantId });
    expect(await app.handlers['pal:unlink']({ tenantId: wwi.tenantId, partnerId: '9999999' })).toMatchObject({ kind: 'needs-confirmation', otherPartnerId: '1234567' });
    expect(await app.handlers['pal:unlink']({ tenantId: wwi.tenantId, partnerId: '1234567' })).toEqual({ kind: 'unlinked', previousPartnerId: '1234567' });
    expect(linkedIn(wwi.tenantId)).toEqual([]);
    expect((await app.handlers['audit:list']({ limit: 1 }))[0]).toMatchObject({ action: 'unlink', before: '1234567', after: null, outcome: 'unlinked' });
    expect(await app.handlers['pal:unlink']({ tenantId: wwi.tenantId, partnerId: '1234567' })).toEqual({ kind: 'not-linked' });
  });

  it('flags a read-back that does not show the new ID, and audits it as a mismatch', async () => {
    const app = await appFixture(sim);
    const wwi = await app.addAndSignIn('wideworldimporters.onmicrosoft.com');
    await app.handlers['pal:unlink']({ tenantId: wwi.tenantId, partnerId: '1234567' }).catch(() => undefined);
    sim.control.staleReadsAfterNextWrite(1);
    const failure = await app.link({ tenantId: wwi.tenantId }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect(failure).toMatchObject({ code: 'read-back-mismatch', message: expect.stringContaining('reads back no link instead of 1234567') });
    expect((await app.handlers['audit:list']({ limit: 1 }))[0]).toMatchObject({ action: 'link', outcome: 'read-back-mismatch' });
  });
});

describe('failures while linking', () => {
  const withTenant = async () => {
    const app = await appFixture(sim);
    const fabrikam = await app.addAndSignIn('fabrikam.onmicrosoft.com');
    await app.handlers['pal:unlink']({ tenantId: fabrikam.tenantId, partnerId: '1234567' });
    return { app, tenantId: fabrikam.tenantId };
  };

  it('explains that the account may not manage partner links (403), without queueing', async () => {
    const { app, tenantId } = await withTenant();
    sim.control.denyWrites(true);
    await expect(app.link({ tenantId })).rejects.toMatchObject({ code: 'access-denied', message: expect.stringContaining('may not manage partner links') });
    expect(await app.handlers['pending:list']()).toEqual([]);
  });

  it('queues the link when Azure keeps failing (5xx) and when it throttles past the retries (429)', async () => {
    const { app, tenantId } = await withTenant();
    sim.control.setFaults({ errorRate: 1, errorStatus: 503 });
    expect(await app.link({ tenantId })).toMatchObject({ kind: 'queued' });
    sim.control.setFaults({ throttleRate: 1, retryAfterSeconds: 0 });
    expect(await app.link({ tenantId })).toMatchObject({ kind: 'queued' });
    expect(await app.handlers['pending:list']()).toHaveLength(1);
  });

  it('retries a few throttled or failed calls itself, honouring Retry-After, and succeeds', async () => {
    const { app, tenantId } = await withTenant();
    sim.control.setFaults({ retryAfterSeconds: 0, next: [{ kind: '429', count: 2, pathIncludes: 'ManagementPartner' }, { kind: '5xx', count: 1, pathIncludes: 'ManagementPartner' }] });
    expect(await app.link({ tenantId })).toMatchObject({ kind: 'linked' });
  });

  it('asks to sign in again when the session has expired', async () => {
    const app = await appFixture(sim);
    const wwi = await app.handlers['tenants:add']({ query: 'wideworldimporters.onmicrosoft.com' });
    await app.addAndSignIn('contoso.onmicrosoft.com');
    await expect(app.link({ tenantId: wwi.tenantId })).rejects.toMatchObject({ code: 'interaction-required' });
  });

  it('refuses to link before the partner ID is set', async () => {
    const app = await appFixture(sim, { partnerId: null });
    const contoso = await app.addAndSignIn('contoso.onmicrosoft.com');
    await expect(app.link({ tenantId: contoso.tenantId })).rejects.toMatchObject({ code: 'invalid-partner-id' });
  });
});
