import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import type { Scenario } from '../../sim/scenario';

const fixtures = path.resolve(import.meta.dirname, '../../sim/fixtures');
interface Exchange {
  method: string;
  path: string;
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown> | null;
}
const recorded = JSON.parse(readFileSync(path.join(fixtures, 'managementpartner-exchanges.json'), 'utf8')) as {
  recordings: { source: string; exchanges: Exchange[] }[];
  specExamples: (Exchange & { source: string })[];
};

/** The recordings' caller: object aa67f786… in tenant 1b1121dd…, reached here as a service principal with that object id. */
const TENANT = '1b1121dd-6900-412a-af73-e8d44f81e1c1';
const OBJECT = 'aa67f786-0552-423e-8849-244ed12bf581';
const scenario: Scenario = {
  name: 'recordings',
  publicClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  tenants: [{ tenantId: TENANT, displayName: 'Recorded tenant', domains: ['recorded.onmicrosoft.com'], defaultDomain: 'recorded.onmicrosoft.com' }],
  users: [],
  servicePrincipals: [{ tenantId: TENANT, clientId: '11111111-2222-4333-8444-555555555555', secret: 's', objectId: OBJECT, displayName: 'recorder' }],
  partnerLinks: [],
  partnerNames: { '123456': 'Test_jefl' },
};

let sim: RunningSim | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

function send(s: RunningSim, method: string, urlPath: string, token?: string, body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = https.request(`${s.profile.endpoints.arm}${urlPath}`, { method, ca: s.caCertPem, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function token(s: RunningSim, scope = 'https://management.azure.com/.default') {
  const sp = scenario.servicePrincipals[0]!;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sp.clientId, client_secret: sp.secret, scope });
  const res = await new Promise<string>((resolve) => {
    const req = https.request(`${s.profile.endpoints.authorityHost}/${TENANT}/oauth2/v2.0/token`, { method: 'POST', ca: s.caCertPem, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (r) => {
      let t = '';
      r.on('data', (c) => (t += c));
      r.on('end', () => resolve(t));
    });
    req.end(form.toString());
  });
  return (JSON.parse(res) as { access_token: string }).access_token;
}

/** Keys of an object, recursively, as dotted paths. */
const shape = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...shape(v, `${prefix}${k}.`)])
    : [];

function expectLike(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  expect(shape(actual).sort()).toEqual(shape(expected).sort());
  const a = actual as { id: string; name: string; type: string; properties: Record<string, unknown> };
  const e = expected as typeof a;
  expect(a.id).toBe(e.id);
  expect(a.name).toBe(e.name);
  expect(a.type).toMatch(/^Microsoft\.ManagementPartner\/partners?$/);
  for (const key of ['partnerId', 'tenantId', 'objectId', 'state', 'partnerName'] as const) {
    if (key in e.properties) expect(a.properties[key], key).toBe(e.properties[key]);
  }
  expect(Number(a.properties.version)).toBeGreaterThan(0);
  expect(Number.isNaN(Date.parse(String(a.properties.createdTime)))).toBe(false);
}

describe('simulated ARM reproduces recorded ManagementPartner traffic', () => {
  for (const recording of recorded.recordings) {
    it(`replays ${recording.source} with the recorded statuses, body shapes, values and headers`, async () => {
      sim = await startSim({ scenario });
      const bearer = await token(sim);
      let createdTime: unknown;
      for (const exchange of recording.exchanges) {
        const res = await send(sim, exchange.method, exchange.path, bearer);
        expect(res.status, `${exchange.method} ${exchange.path}`).toBe(exchange.status);
        expect(res.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        for (const header of Object.keys(exchange.headers ?? {})) expect(res.headers[header], header).toBeDefined();
        if (exchange.body === null) {
          expect(res.body).toBe('');
          expect(res.headers['content-length']).toBe('0');
          continue;
        }
        const body = JSON.parse(res.body) as { properties: { createdTime: string; partnerName?: string } };
        const expected = structuredClone(exchange.body) as { properties: Record<string, unknown> };
        // The recordings predate partnerName; the sim names partners it knows, as the spec example does.
        if (body.properties.partnerName === undefined) delete expected.properties.partnerName;
        else expected.properties.partnerName = body.properties.partnerName;
        expectLike(body as unknown as Record<string, unknown>, expected as unknown as Record<string, unknown>);
        createdTime ??= body.properties.createdTime;
        expect(body.properties.createdTime, 'a write keeps createdTime').toBe(createdTime);
      }
    });
  }

  it('answers the spec examples: PUT, then GET of the current link without an ID', async () => {
    sim = await startSim({ scenario });
    const bearer = await token(sim);
    for (const example of recorded.specExamples.filter((e) => e.method === 'PUT' || e.path.includes('partners?'))) {
      const res = await send(sim, example.method, example.path, bearer);
      expect(res.status, example.source).toBe(example.status);
      expectLike(JSON.parse(res.body) as Record<string, unknown>, example.body as Record<string, unknown>);
    }
  });

  it('answers the errors of the real service: nothing linked (404), another ID (409), malformed ID (400), no or wrong token (401), missing api-version (400)', async () => {
    sim = await startSim({ scenario });
    const bearer = await token(sim);
    const mp = (id: string) => `/providers/Microsoft.ManagementPartner/partners${id}?api-version=2018-02-01`;
    const nothing = await send(sim, 'GET', mp(''), bearer);
    expect(nothing.status).toBe(404);
    expect(JSON.parse(nothing.body)).toMatchObject({ error: { code: 'NotFound' } });
    expect((await send(sim, 'PUT', mp('/123456'), bearer)).status).toBe(200);
    expect(JSON.parse((await send(sim, 'PUT', mp('/654321'), bearer)).body)).toMatchObject({ error: { code: 'Conflict' } });
    expect(JSON.parse((await send(sim, 'PUT', mp('/12ab'), bearer)).body)).toMatchObject({ error: { code: 'BadRequest' } });
    const anonymous = await send(sim, 'GET', mp(''));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer /);
    const graphToken = await token(sim, 'https://graph.microsoft.com/.default');
    expect(JSON.parse((await send(sim, 'GET', mp(''), graphToken)).body)).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    expect((await send(sim, 'GET', '/providers/Microsoft.ManagementPartner/partners', bearer)).status).toBe(400);
    const ops = JSON.parse((await send(sim, 'GET', '/providers/Microsoft.ManagementPartner/operations?api-version=2018-02-01', bearer)).body) as { value: { name: string }[] };
    expect(ops.value.map((o) => o.name)).toContain('Microsoft.ManagementPartner/partners/write');
  });

  it('lists tenants with the shape of the published example, paged with nextLink', async () => {
    const example = JSON.parse(readFileSync(path.join(fixtures, 'get-tenants.json'), 'utf8')) as { responses: { 200: { body: { value: Record<string, unknown>[] } } } };
    const many: Scenario = {
      ...scenario,
      tenants: Array.from({ length: 60 }, (_, i) => ({ tenantId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `T${i}`, domains: [`t${i}.test`], defaultDomain: `t${i}.test` })),
      users: [],
    };
    many.tenants.push(scenario.tenants[0]!);
    sim = await startSim({ scenario: { ...many, users: [{ username: 'u@x.test', displayName: 'U', homeTenantId: TENANT, objectId: OBJECT, memberships: many.tenants.map((t) => ({ tenantId: t.tenantId, objectId: OBJECT })) }] } });
    const bearer = await token(sim);
    const first = JSON.parse((await send(sim, 'GET', '/tenants?api-version=2022-12-01', bearer)).body) as { value: Record<string, unknown>[]; nextLink: string };
    expect(first.value).toHaveLength(50);
    const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => k !== 'tenantBrandingLogoUrl').sort();
    expect(keys(first.value[0]!)).toEqual(keys(example.responses[200].body.value[0]!));
    const second = JSON.parse((await send(sim, 'GET', new URL(first.nextLink).pathname + new URL(first.nextLink).search, bearer)).body) as { value: unknown[]; nextLink?: string };
    expect(second.value).toHaveLength(11);
    expect(second.nextLink).toBeUndefined();
  });
});
