import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import type { RequestLogEntry } from '../../sim';
import { writeSimProfileFile } from '../../sim/profile-file';
import { guid } from '../../sim/scenario';
import { appFixture } from '../support/app-fixture';
import { runCli } from '../support/cli-runner';

const CONTOSO = guid('c0ffee', 1);
const FLOWS_LIST = '/v2/flows';
const WAIT_WORDS = /^Power Automate asked PAL Desk to wait: flows are from the last sync; PAL Desk reads them again after \d\d:\d\d\.$/;
let sim: RunningSim;
let profileFile: string;

// A sim per test: Power BI's admin limits (5 dataset reads a minute per tenant) count every sync the test before made.
beforeEach(async () => {
  sim = await startSim({ scenario: 'demo' });
  ({ profileFile } = writeSimProfileFile(sim, mkdtempSync(path.join(tmpdir(), 'pal-throttled-'))));
});
afterEach(async () => {
  await sim.close();
});

type App = Awaited<ReturnType<typeof appFixture>>;

/** Runs `body` and returns the requests the sim saw meanwhile (sign-in requests left out: tokens are cached after the first sync). */
const requestsDuring = async <T,>(body: () => Promise<T>): Promise<{ result: T; requests: RequestLogEntry[] }> => {
  const from = sim.control.requestLog.length;
  const result = await body();
  return { result, requests: sim.control.requestLog.slice(from).filter((r) => r.service !== 'login') };
};
const syncContoso = async (app: App) => app.services.jobs.wait((await app.handlers['inventory:sync']({ tenantIds: [CONTOSO] })).jobId);
/** How many requests each service and path got, Power Automate's left out. */
const readsBesideFlows = (requests: RequestLogEntry[]) => {
  const counts: Record<string, number> = {};
  for (const r of requests.filter((x) => x.service !== 'flow')) counts[`${r.service} ${r.method} ${r.path}`] = (counts[`${r.service} ${r.method} ${r.path}`] ?? 0) + 1;
  return counts;
};
/** The reads a person would name: partner links, environments, apps, datasets and Dataverse users, each by its request count. */
const namedReads = (requests: RequestLogEntry[]) => ({
  'partner links': requests.filter((r) => /managementpartner\/partners/i.test(r.path)).length,
  environments: requests.filter((r) => r.path.endsWith('/scopes/admin/environments')).length,
  apps: requests.filter((r) => r.path.includes('/apps')).length,
  datasets: requests.filter((r) => r.path === '/v1.0/myorg/admin/datasets').length,
  'Dataverse users': requests.filter((r) => r.path.endsWith('/systemusers')).length,
});

describe('a throttled collector waits alone', () => {
  it('reads everything else once when the flows list asks to wait an hour, keeps the flows stale with the time they are read again, and the next sync (app or CLI) leaves Power Automate alone', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const clean = await requestsDuring(() => syncContoso(app));
    expect(clean.result.counts.done).toBe(1);
    const flows = app.services.inventory.powerPlatform.flows(CONTOSO);
    expect(flows.length).toBeGreaterThan(0);

    sim.control.setFaults({ retryAfterSeconds: 3600, next: [{ kind: '429', count: 1000, pathIncludes: FLOWS_LIST }] });
    const throttled = await requestsDuring(() => syncContoso(app));
    expect(Object.values(namedReads(clean.requests)).every((n) => n > 0)).toBe(true);
    expect(namedReads(throttled.requests)).toEqual(namedReads(clean.requests));
    expect(readsBesideFlows(throttled.requests)).toEqual(readsBesideFlows(clean.requests));
    expect(throttled.requests.filter((r) => r.path.includes(FLOWS_LIST)).map((r) => r.status)).toEqual([429]);

    expect(throttled.result.counts).toMatchObject({ done: 0, failed: 1 });
    expect(throttled.result.problems).toMatchObject([{ tenantName: 'Contoso Ltd', code: 'throttled', message: expect.stringMatching(WAIT_WORDS) }]);
    expect(app.services.inventory.powerPlatform.flows(CONTOSO)).toEqual(flows);
    const [tenant] = await app.handlers['tenants:list']();
    expect(tenant?.stale).toMatchObject([{ collector: 'flows', code: 'throttled', message: expect.stringMatching(WAIT_WORDS), succeededAt: expect.any(String) }]);
    expect(Date.parse(tenant?.stale[0]?.readAgainAt ?? '') - Date.now()).toBeGreaterThan(3_500_000);

    const again = await requestsDuring(() => syncContoso(app));
    expect(again.requests.filter((r) => r.service === 'flow')).toEqual([]);
    expect(namedReads(again.requests)).toEqual(namedReads(clean.requests));
    expect(again.result.problems).toMatchObject([{ code: 'throttled', message: tenant?.stale[0]?.message }]);
    await app.services.close();

    const target = { profileFile, userDataDir: app.userDataDir, service: app.service };
    const cli = await requestsDuring(() => runCli(target, ['sync', '--tenant', CONTOSO]));
    sim.control.clearFaults();
    expect(cli.result.stdout).toContain(`Contoso Ltd: failed — ${tenant?.stale[0]?.message ?? '?'}`);
    expect(cli.requests.filter((r) => r.service === 'flow')).toEqual([]);
    expect(namedReads(cli.requests)['partner links']).toBeGreaterThan(0);
    expect((await runCli(target, ['tenants', 'list'])).stdout).toMatch(new RegExp(`Contoso Ltd: flows not refreshed .* — ${WAIT_WORDS.source.slice(1)}`, 'm'));
  });

  it('reads the flows again, alone, once the one second Power Automate asked for has passed, and the sync ends done', async () => {
    const app = await appFixture(sim);
    await app.addAndSignIn('contoso.onmicrosoft.com');
    const clean = await requestsDuring(() => syncContoso(app));

    // Four 429s: the first answer and each of the HTTP pipeline's three retries, so the collector itself must wait and run again.
    sim.control.setFaults({ retryAfterSeconds: 1, next: [{ kind: '429', count: 4, pathIncludes: FLOWS_LIST }] });
    const throttled = await requestsDuring(() => syncContoso(app));
    sim.control.clearFaults();
    expect(throttled.result.counts).toMatchObject({ done: 1, failed: 0 });
    expect(readsBesideFlows(throttled.requests)).toEqual(readsBesideFlows(clean.requests));

    const flowReads = throttled.requests.filter((r) => r.path.includes(FLOWS_LIST));
    const lastRefusal = flowReads.filter((r) => r.status === 429).at(-1);
    const readAgain = flowReads.find((r) => r.status === 200);
    expect(flowReads.filter((r) => r.status === 429)).toHaveLength(4);
    expect((readAgain?.at ?? 0) - (lastRefusal?.at ?? Infinity)).toBeGreaterThanOrEqual(1_000);
    expect(flowReads.filter((r) => r.status === 200)).toHaveLength(clean.requests.filter((r) => r.path.includes(FLOWS_LIST)).length);
    expect((await app.handlers['tenants:list']())[0]?.stale).toEqual([]);
    await app.services.close();
  });
});
