import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
});
afterAll(async () => {
  await sim.close();
});

const tenant = () => sim.scenario.tenants[1]!.tenantId;
const get = (urlPath: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown> } | { error: string }>((resolve) => {
    https
      .get(`${urlPath.startsWith('/providers/') ? sim.profile.endpoints.arm : sim.profile.endpoints.authorityHost}${urlPath}`, { ca: sim.caCertPem, headers, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      })
      .on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
const discovery = () => `/${tenant()}/v2.0/.well-known/openid-configuration`;

describe('faults on demand', () => {
  it('adds latency to every request', async () => {
    sim.control.setFaults({ latencyMs: 150 });
    const started = performance.now();
    await get(discovery());
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    sim.control.clearFaults();
  });

  it('slows only the token endpoint', async () => {
    sim.control.setFaults({ tokenLatencyMs: 200 });
    const started = performance.now();
    await get(discovery());
    expect(performance.now() - started).toBeLessThan(150);
    const token = performance.now();
    await new Promise<void>((resolve) => {
      const req = https.request(`${sim.profile.endpoints.authorityHost}/${tenant()}/oauth2/v2.0/token`, { method: 'POST', ca: sim.caCertPem, agent: false }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.end('grant_type=client_credentials');
    });
    expect(performance.now() - token).toBeGreaterThanOrEqual(200);
    sim.control.clearFaults();
  });

  it('answers 429 with Retry-After, 5xx, and drops connections, for the next requests it was told to', async () => {
    sim.control.setFaults({ retryAfterSeconds: 7, next: [{ kind: '429', count: 1 }, { kind: '5xx', count: 1 }, { kind: 'reset', count: 1 }] });
    expect(await get(discovery())).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    expect(await get(discovery())).toMatchObject({ status: 503 });
    expect(await get(discovery())).toMatchObject({ error: 'ECONNRESET' });
    expect(await get(discovery())).toMatchObject({ status: 200 });
    sim.control.clearFaults();
  });

  it('leaves a request unanswered (hang) with its connection open, and logs when each request arrived', async () => {
    sim.control.setFaults({ next: [{ kind: 'hang', count: 1 }] });
    const since = sim.control.requestLog.length;
    const hung = await new Promise<string>((resolve) => {
      const req = https.get(`${sim.profile.endpoints.authorityHost}${discovery()}`, { ca: sim.caCertPem, agent: false }, () => resolve('answered'));
      req.setTimeout(300, () => {
        resolve('no answer');
        req.destroy();
      });
      req.on('error', () => undefined);
    });
    expect(hung).toBe('no answer');
    expect(await get(discovery())).toMatchObject({ status: 200 });
    const [first, second] = sim.control.requestLog.slice(since);
    expect(first).toMatchObject({ status: 0 });
    expect(second).toMatchObject({ status: 200 });
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(300);
    sim.control.clearFaults();
  });

  it('throttles at a rate: the share of 429s follows the setting, only on the chosen paths', async () => {
    sim.control.setFaults({ throttleRate: 0.3, ratePathIncludes: 'openid-configuration' });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push(((await get(discovery())) as { status: number }).status);
    const share = statuses.filter((s) => s === 429).length / statuses.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(await get('/providers/Microsoft.ManagementPartner/operations?api-version=2018-02-01')).toMatchObject({ status: 401 });
    sim.control.clearFaults();
  });

  it('limits each caller to a number of requests per second', async () => {
    sim.control.setFaults({ callerLimitPerSecond: 2 });
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(((await get(discovery(), { authorization: 'Bearer caller-a' })) as { status: number }).status);
    const windows = Math.floor(Date.now() / 1000) - Math.floor(started / 1000) + 1;
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * windows);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(12 - 2 * windows);
    sim.control.clearFaults();
  });

  it('limits the whole host to a number of requests per second, whoever calls', async () => {
    sim.control.setFaults({ hostLimitPerSecond: 2 });
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(((await get(discovery(), { authorization: `Bearer caller-${i}` })) as { status: number }).status);
    const windows = Math.floor(Date.now() / 1000) - Math.floor(started / 1000) + 1;
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * windows);
    sim.control.clearFaults();
  });

  it('generates large scenarios: 1,000 tenants and 100,000 resources', async () => {
    const { generateScenario } = await import('../../sim/generate');
    const big = generateScenario({ tenants: 1000, resources: 100_000 });
    expect(big.tenants).toHaveLength(1001);
    const pp = big.powerPlatform!;
    expect(pp.apps.length + pp.flows.length).toBe(100_000);
    expect(pp.environments).toHaveLength(1000);
  });

  it('goes offline and comes back on the same port with its state', async () => {
    const before = sim.control.partnerLinks().size;
    await sim.control.goOffline();
    expect(await get(discovery())).toMatchObject({ error: 'ECONNREFUSED' });
    await sim.control.goOnline();
    expect(await get(discovery())).toMatchObject({ status: 200 });
    expect(sim.control.partnerLinks().size).toBe(before);
  });
});
