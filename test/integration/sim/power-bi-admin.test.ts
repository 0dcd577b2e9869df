import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { authFixture } from '../support/auth-fixture';

const CONTOSO = guid('c0ffee', 1);
const FABRIKAM = guid('c0ffee', 2);
let sim: RunningSim;
let powerBiToken: (tenantId: string, label: string) => Promise<string>;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  const { auth } = authFixture(sim);
  powerBiToken = async (tenantId, label) => {
    const ana = await auth.signInInteractive(tenantId, label);
    return (await auth.getToken(tenantId, { kind: 'user', id: ana.identityId }, sim.profile.scopes.powerBi, label)).token;
  };
});
afterAll(async () => {
  await sim.close();
});

const get = (api: string, bearer: string) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: unknown }>((resolve, reject) => {
    https
      .get(`${sim.profile.endpoints.powerBi}/v1.0/myorg/${api}`, { ca: sim.caCertPem, headers: { authorization: `Bearer ${bearer}` } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text || 'null') }));
      })
      .on('error', reject);
  });

describe('simulated Power BI admin APIs', () => {
  it('answer a caller who is not a Fabric admin with 401 PowerBINotAuthorizedException in the recorded body, with its RequestId', async () => {
    const bearer = await powerBiToken(FABRIKAM, 'Fabrikam');
    for (const api of ['admin/groups?$top=5000', 'admin/datasets']) {
      const answer = await get(api, bearer);
      expect(answer.status, api).toBe(401);
      const code = 'PowerBINotAuthorizedException';
      expect(answer.body).toEqual({ error: { code, 'pbi.error': { code, parameters: {}, details: [], exceptionCulprit: 1 } } });
      expect(answer.headers.requestid).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await get('groups', bearer)).status).toBe(200);
  });

  it('allow 5 admin dataset reads and 15 admin workspace lists a minute per tenant, then answer 429 with Retry-After and the recorded message', async () => {
    const bearer = await powerBiToken(CONTOSO, 'Contoso');
    for (let i = 0; i < 5; i++) expect((await get('admin/datasets', bearer)).status).toBe(200);
    const datasets = await get('admin/datasets', bearer);
    expect(datasets.status).toBe(429);
    const wait = Number(datasets.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(datasets.body).toEqual({ message: `You have exceeded the amount of requests allowed in the current time frame and further requests will fail. Retry in ${wait} seconds.` });

    for (let i = 0; i < 15; i++) expect((await get('admin/groups?$top=5000', bearer)).status).toBe(200);
    expect((await get('admin/groups?$top=5000', bearer)).status).toBe(429);
  });
});
