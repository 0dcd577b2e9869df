import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/result';
import { startSim, type Faults, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';
import { writesAndAudit } from '../support/write-invariant';

const FABRIKAM = guid('c0ffee', 2);
const ANA_IN_FABRIKAM = guid('9e57', 2);
const MP = 'ManagementPartner';
const TOKEN = '/oauth2/v2.0/token';

type FaultName = 'timeout' | 'reset' | '429' | '5xx' | '401' | '403' | 'token 429' | 'token 503' | 'offline' | 'crash' | 'captive portal' | 'endless paging' | 'huge answer';
type Operation = 'link' | 'unlink' | 'link all' | 'sync' | 'replay';

/** How each fault is produced by the simulated cloud (every matching request, so the pipeline's retries run out too). */
const FAULTS: Record<Exclude<FaultName, 'offline'>, Faults> = {
  timeout: { next: [{ kind: 'hang', count: 50, pathIncludes: MP }] },
  reset: { next: [{ kind: 'reset', count: 50, pathIncludes: MP }] },
  '429': { retryAfterSeconds: 0, next: [{ kind: '429', count: 50, pathIncludes: MP }] },
  '5xx': { next: [{ kind: '5xx', count: 50, pathIncludes: MP }] },
  '401': { next: [{ kind: '401', count: 50, pathIncludes: MP }] },
  '403': { next: [{ kind: '403', count: 50, pathIncludes: MP }] },
  'token 429': { retryAfterSeconds: 0, next: [{ kind: '429', count: 50, pathIncludes: TOKEN }] },
  'token 503': { next: [{ kind: '5xx', count: 50, pathIncludes: TOKEN }] },
  /** The write reaches Azure, then the process dies before it hears the answer (the services restart before recovery). */
  crash: { next: [{ kind: 'lost-answer', count: 1, pathIncludes: MP, method: 'PUT' }, { kind: 'lost-answer', count: 1, pathIncludes: MP, method: 'DELETE' }] },
  /** A guest network's sign-in page answers 200 in place of Azure. */
  'captive portal': { next: [{ kind: 'portal', count: 50, pathIncludes: MP }] },
  /** The environments list gives a next page forever (only a sync reads lists). */
  'endless paging': { next: [{ kind: 'endless', count: 100_000, pathIncludes: 'Microsoft.BusinessAppPlatform' }] },
  /** An answer that streams on beyond the size cap (1 MB here: READ_LIMITS). */
  'huge answer': { next: [{ kind: 'huge', count: 50, pathIncludes: MP, bytes: 4 * 1024 * 1024 }] },
};
/** Small caps so the bounded reads end fast; the default caps are shown in sync/bounded-reads.test.ts. */
const READ_LIMITS = { maxPages: 20, maxResponseBytes: 1024 * 1024 };

/** What a person sees for each operation under each fault. */
const EXPECTED: Record<Operation, Partial<Record<FaultName, string>>> = {
  link: { timeout: 'queued', reset: 'queued', '429': 'queued', '5xx': 'queued', '401': 'session-expired', '403': 'access-denied', 'token 429': 'queued', 'token 503': 'queued', offline: 'queued', crash: 'queued', 'captive portal': 'queued', 'huge answer': 'queued' },
  unlink: { timeout: 'queued', reset: 'queued', '429': 'queued', '5xx': 'queued', '401': 'session-expired', '403': 'access-denied', 'token 429': 'queued', 'token 503': 'queued', offline: 'queued', crash: 'queued', 'captive portal': 'queued', 'huge answer': 'queued' },
  'link all': { timeout: 'skipped', reset: 'skipped', '429': 'skipped', '5xx': 'skipped', '401': 'needs-sign-in', '403': 'failed', 'token 429': 'skipped', 'token 503': 'skipped', offline: 'skipped', crash: 'skipped', 'captive portal': 'skipped', 'huge answer': 'skipped' },
  sync: { timeout: 'failed', reset: 'failed', '429': 'failed', '5xx': 'failed', '401': 'needs-sign-in', '403': 'failed', 'token 429': 'failed', 'token 503': 'failed', offline: 'failed', 'captive portal': 'failed', 'endless paging': 'failed', 'huge answer': 'failed' },
  replay: { timeout: 'queued', reset: 'queued', '429': 'queued', '5xx': 'queued', '401': 'queued', '403': 'failed', 'token 429': 'queued', 'token 503': 'queued', offline: 'queued', crash: 'queued', 'captive portal': 'queued', 'huge answer': 'queued' },
};

let sim: RunningSim;
let prepared: { userDataDir: string; service: string };
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  const app = await appFixture(sim);
  await app.addAndSignIn('fabrikam.onmicrosoft.com');
  await app.services.close();
  prepared = { userDataDir: app.userDataDir, service: app.service };
});
afterAll(async () => {
  await sim.close();
});

/** The services on a copy of the prepared data folder (a fresh process: no token in memory, so the token service is asked). */
const open = (userDataDir: string) => appFixture(sim, { userDataDir, service: prepared.service, requestTimeoutMs: 1_000, tokenTimeoutMs: 1_000, readLimits: READ_LIMITS });
const copyOfPrepared = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pal-matrix-'));
  cpSync(prepared.userDataDir, dir, { recursive: true });
  return dir;
};
const setFault = async (fault: FaultName) => (fault === 'offline' ? sim.control.goOffline() : sim.control.setFaults(FAULTS[fault]));

/** Runs one operation; returns what the person is told: an outcome or status, and the message that came with it. */
async function operate(app: Awaited<ReturnType<typeof open>>, operation: Operation): Promise<{ result: string; message: string | null }> {
  const failed = (error: unknown) => {
    if (!(error instanceof AppFailure)) throw error;
    return { result: error.code, message: error.message };
  };
  switch (operation) {
    case 'link':
      return app.link({ tenantId: FABRIKAM }).then((o) => ({ result: o.kind, message: null }), failed);
    case 'unlink':
      return app.handlers['pal:unlink']({ tenantId: FABRIKAM, partnerId: '1234567' }).then((o) => ({ result: o.kind, message: null }), failed);
    case 'link all':
    case 'sync': {
      const { jobId } = operation === 'sync' ? await app.handlers['inventory:sync']({ tenantIds: [FABRIKAM] }) : await app.handlers['pal:link-all']();
      const summary = await app.services.jobs.wait(jobId);
      const [problem] = summary.problems;
      return { result: problem?.status ?? 'done', message: problem?.message ?? null };
    }
    case 'replay': {
      await app.services.replayer.drain();
      const [action] = await app.handlers['pending:list']();
      return { result: action?.status ?? 'done', message: action?.lastError ?? null };
    }
  }
}

describe('fault matrix: every operation under every fault, then recovery', () => {
  const cells = (Object.entries(EXPECTED) as [Operation, Partial<Record<FaultName, string>>][]).flatMap(([operation, row]) =>
    (Object.entries(row) as [FaultName, string][]).map(([fault, expected]) => ({ operation, fault, expected })),
  );

  it.each(cells)('$operation under $fault: $expected, and afterwards every write the tenant received is audited once and nothing queued is lost', async ({ operation, fault, expected }) => {
    sim.control.partnerLinks().delete(`${FABRIKAM}:${ANA_IN_FABRIKAM}`);
    const from = sim.control.writes().length;
    const dir = copyOfPrepared();
    const before = await open(dir);
    if (operation === 'unlink') await before.link({ tenantId: FABRIKAM });
    if (operation === 'replay') {
      await sim.control.goOffline();
      expect(await before.link({ tenantId: FABRIKAM })).toMatchObject({ kind: 'queued' });
      await sim.control.goOnline();
    }
    await before.services.close();

    let app = await open(dir);
    await setFault(fault);
    const requestsFrom = sim.control.requestLog.length;
    const seen = await operate(app, operation);
    sim.control.clearFaults();
    // An endless list is read once up to the page cap (after the admin list's refusal), not again: it would end the same way.
    if (fault === 'endless paging') expect(sim.control.requestLog.slice(requestsFrom).filter((r) => r.service === 'bap').length).toBeLessThanOrEqual(READ_LIMITS.maxPages + 1);
    await sim.control.goOnline();
    expect(seen.result).toBe(expected);
    if (seen.message !== null) {
      expect(seen.message).toMatch(/Fabrikam|Azure|sign/i);
      expect(seen.message).not.toMatch(/unexpected|stack|internal/i);
    }

    if (fault === 'crash') {
      await app.services.close();
      app = await open(dir);
    }
    await app.services.replayer.drain();
    await app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [FABRIKAM] })).jobId);
    await app.services.replayer.drain();
    const audit = await app.handlers['audit:list']({ limit: 100 });
    const { received, audited } = writesAndAudit(sim.control.writes().slice(from), audit);
    expect(audited).toEqual(received);
    const pending = await app.handlers['pending:list']();
    expect(pending.filter((a) => a.status === 'queued' || a.status === 'running')).toEqual([]);
    if (expected === 'queued' || expected === 'skipped') expect(sim.control.partnerLinks().get(`${FABRIKAM}:${ANA_IN_FABRIKAM}`)?.partnerId ?? 'none').toBe(operation === 'unlink' ? 'none' : '1234567');
    await app.services.close();
  }, 60_000);
});
