import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CloudProfile } from '../../../src/shared/cloud-profile';
import type { IdentityRef } from '../../../src/main/domain/identity';
import { ClientRegistry, type ClientRegistryDeps } from '../../../src/main/http/client-registry';
import { HostRateLimiter } from '../../../src/main/http/rate-limiter';
import type { AuthService } from '../../../src/main/auth/auth-service';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { authFixture } from '../support/auth-fixture';

const CONTOSO = guid('c0ffee', 1);
const ENVIRONMENTS = '/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments';
const PARTNERS = '/providers/Microsoft.ManagementPartner/partners';

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
afterEach(() => sim.control.clearFaults());

/** Counts every slot handed out, per host: what passed through the limiter. */
class CountingLimiter extends HostRateLimiter {
  readonly acquired: string[] = [];
  override acquire(host: string): Promise<void> {
    this.acquired.push(host);
    return super.acquire(host);
  }
}

/** The sim's cloud with one endpoint moved to https://localhost:port (the sim's certificate covers both names), so two hosts are in play. */
const onLocalhost = (key: keyof CloudProfile['endpoints']): CloudProfile => ({
  ...sim.profile,
  endpoints: { ...sim.profile.endpoints, [key]: sim.profile.endpoints[key].replace('127.0.0.1', 'localhost') },
});

const registry = (deps: Partial<ClientRegistryDeps> = {}) =>
  new ClientRegistry({ cloud: sim.profile, credentialFor: (tenantId, identity, label) => auth.credential(tenantId, identity, label), ...deps });
const bap = (clients: ClientRegistry, cloud = sim.profile) => ({
  client: clients.rest(CONTOSO, ana, cloud.scopes.powerApps, 'Contoso'),
  url: `${cloud.endpoints.bap}${ENVIRONMENTS}?api-version=2023-06-01`,
});
const log = (pathIncludes: string, since: number) => sim.control.requestLog.slice(since).filter((r) => r.path.includes(pathIncludes));
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('one pipeline for every outgoing call', () => {
  it('retries a 429 storm on a Power Platform endpoint and returns every environment across pages', async () => {
    const since = sim.control.requestLog.length;
    sim.control.setFaults({ retryAfterSeconds: 1, next: [{ kind: '429', count: 2, pathIncludes: 'BusinessAppPlatform' }] });
    const { client, url } = bap(registry());
    const environments = await client.all<{ properties: { environmentSku: string } }>(url);
    expect(environments.map((e) => e.properties.environmentSku)).toEqual(['Default', 'Production', 'Production', 'Sandbox']);
    expect(log('BusinessAppPlatform', since).map((r) => r.status)).toEqual([429, 429, 200, 200]);
  });

  it('sends ARM SDK calls and plain REST calls through the same rate limiter and the same retry policy', async () => {
    const limiter = new CountingLimiter({ perSecond: 100, burst: 10 });
    const cloud = onLocalhost('arm');
    const clients = registry({ cloud, limiter, retry: { maxRetries: 1 } });
    const armHost = new URL(cloud.endpoints.arm).host;
    const bapHost = new URL(cloud.endpoints.bap).host;
    const since = sim.control.requestLog.length;

    sim.control.setFaults({ retryAfterSeconds: 0, next: [{ kind: '429', count: 1, pathIncludes: 'ManagementPartner' }] });
    expect((await clients.partnerLinks(CONTOSO, ana, 'Contoso').read()).link).toMatchObject({ partnerId: '1234567' });
    await bap(clients, cloud).client.get(bap(clients, cloud).url);
    expect(log(PARTNERS, since).map((r) => r.status)).toEqual([429, 200]);
    expect(limiter.acquired.filter((h) => h === armHost)).toHaveLength(2);
    expect(limiter.acquired.filter((h) => h === bapHost)).toHaveLength(1);

    // maxRetries 1 is ours, not the SDK's default of 3: both kinds of call give up after one retry.
    sim.control.setFaults({ retryAfterSeconds: 0, next: [{ kind: '429', count: 2, pathIncludes: 'ManagementPartner' }, { kind: '429', count: 2, pathIncludes: 'BusinessAppPlatform' }] });
    const before = sim.control.requestLog.length;
    await expect(clients.partnerLinks(CONTOSO, ana, 'Contoso').read()).rejects.toMatchObject({ code: 'throttled' });
    await expect(bap(clients, cloud).client.get(bap(clients, cloud).url)).rejects.toMatchObject({ code: 'throttled', message: expect.stringContaining('Power Platform is throttling requests for Contoso') });
    expect(log(PARTNERS, before).map((r) => r.status)).toEqual([429, 429]);
    expect(log('BusinessAppPlatform', before).map((r) => r.status)).toEqual([429, 429]);
  });

  it('sends the retry no earlier than Retry-After asks', async () => {
    const since = sim.control.requestLog.length;
    sim.control.setFaults({ retryAfterSeconds: 1, next: [{ kind: '429', count: 1, pathIncludes: 'BusinessAppPlatform' }] });
    const { client, url } = bap(registry());
    await client.get(url);
    const [throttled, retried] = log('BusinessAppPlatform', since);
    expect(throttled?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('fails at once with "throttled" and the time to retry when Retry-After is beyond the cap', async () => {
    const since = sim.control.requestLog.length;
    sim.control.setFaults({ retryAfterSeconds: 3_600, next: [{ kind: '429', count: 1, pathIncludes: 'BusinessAppPlatform' }] });
    const { client, url } = bap(registry());
    const started = Date.now();
    const failure = await failureOf(client.get(url));
    expect(failure).toMatchObject({ code: 'throttled', detail: { retryAt: expect.any(String), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    const retryAt = Date.parse(String((failure as { detail: { retryAt: string } }).detail.retryAt));
    expect(retryAt - started).toBeGreaterThanOrEqual(3_600_000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(log('BusinessAppPlatform', since)).toHaveLength(1);
  });

  it('ends a Retry-After wait at once with "cancelled" when the caller cancels', async () => {
    const since = sim.control.requestLog.length;
    sim.control.setFaults({ retryAfterSeconds: 30, next: [{ kind: '429', count: 1, pathIncludes: 'BusinessAppPlatform' }] });
    const { client, url } = bap(registry());
    const cancel = new AbortController();
    const call = failureOf(client.get(url, { signal: cancel.signal }));
    await vi.waitFor(() => expect(log('BusinessAppPlatform', since).map((r) => r.status)).toEqual([429]));
    const cancelledAt = Date.now();
    cancel.abort();
    expect(await call).toMatchObject({ code: 'cancelled', message: expect.stringContaining('Power Platform for Contoso was cancelled') });
    expect(Date.now() - cancelledAt).toBeLessThan(1_000);
    expect(log('BusinessAppPlatform', since)).toHaveLength(1);
  });

  it('gives up with "timeout" on a host that never answers, within the configured timeout', async () => {
    const since = sim.control.requestLog.length;
    sim.control.setFaults({ next: [{ kind: 'hang', count: 1, pathIncludes: 'BusinessAppPlatform' }] });
    const { client, url } = bap(registry({ timeoutMs: 500 }));
    const started = Date.now();
    expect(await failureOf(client.get(url))).toMatchObject({ code: 'timeout', message: expect.stringContaining('Power Platform did not answer in time for Contoso') });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(log('BusinessAppPlatform', since)).toHaveLength(1);
  });

  it('says "offline" when the cloud cannot be reached, and works again when it is back', async () => {
    const clients = registry();
    const { client, url } = bap(clients);
    await client.get(url);
    await sim.control.goOffline();
    try {
      expect(await failureOf(client.get(url))).toMatchObject({ code: 'offline', message: expect.stringContaining('Power Platform cannot be reached for Contoso') });
    } finally {
      await sim.control.goOnline();
    }
    expect((await client.get(url)).status).toBe(200);
  });

  it('hands back the request id of each answer', async () => {
    const { client, url } = bap(registry());
    const response = await client.get(url);
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.requestId).toBe(response.headers.get('x-ms-request-id'));
  });

  it('refuses a nextLink to another host, so the token never goes there', async () => {
    const cloud = onLocalhost('bap');
    const { client, url } = bap(registry({ cloud }), cloud);
    const since = sim.control.requestLog.length;
    expect(await failureOf(client.all(url))).toMatchObject({ code: 'service-unavailable', message: expect.stringContaining('another host (127.0.0.1:') });
    expect(log('BusinessAppPlatform', since)).toHaveLength(1);
  });

  it('asks for tokens of the right audience: Flow, and a Dataverse instance URL', async () => {
    const clients = registry();
    const prod = guid('e0', 12);
    const flows = await clients
      .rest(CONTOSO, ana, sim.profile.scopes.flow, 'Contoso')
      .all(`${sim.profile.endpoints.flow}/providers/Microsoft.ProcessSimple/scopes/admin/environments/${prod}/v2/flows?api-version=2016-11-01`);
    expect(flows).toHaveLength(3);
    const environments = await bap(clients).client.all<{ properties: { displayName: string; linkedEnvironmentMetadata?: { instanceUrl: string } } }>(bap(clients).url);
    const instanceUrl = environments.find((e) => e.properties.displayName === 'Contoso Customer Insights')?.properties.linkedEnvironmentMetadata?.instanceUrl.replace(/\/$/, '') ?? '';
    const users = await clients.rest(CONTOSO, ana, `${instanceUrl}/.default`, 'Contoso').all<{ azureactivedirectoryobjectid: string }>(`${instanceUrl}/api/data/v9.2/systemusers?$filter=isdisabled eq false`);
    expect(users.length).toBeGreaterThan(0);
  });

  it('looks up an OpenID configuration without a token, and hands back a 404 only when asked to', async () => {
    const clients = registry();
    const found = await clients.anonymous().get<{ issuer: string }>(`${sim.profile.endpoints.authorityHost}/${CONTOSO}/v2.0/.well-known/openid-configuration`);
    expect(found.body.issuer).toContain(CONTOSO);
    const missing = `${sim.profile.endpoints.arm}/no/such/thing`;
    expect((await clients.anonymous().get(missing, { accept: [404] })).status).toBe(404);
    await expect(clients.anonymous().get(missing)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('forgets the clients of a tenant after sign-out and builds new ones on demand', () => {
    const clients = registry();
    const before = clients.rest(CONTOSO, ana, sim.profile.scopes.powerApps, 'Contoso');
    expect(clients.rest(CONTOSO, ana, sim.profile.scopes.powerApps, 'Contoso')).toBe(before);
    clients.forget({ identityId: 'someone-else' });
    expect(clients.rest(CONTOSO, ana, sim.profile.scopes.powerApps, 'Contoso')).toBe(before);
    clients.forget({ tenantId: CONTOSO });
    expect(clients.rest(CONTOSO, ana, sim.profile.scopes.powerApps, 'Contoso')).not.toBe(before);
  });
});
