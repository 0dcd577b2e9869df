import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../sim';
import { guid } from '../../sim/scenario';
import { authFixture } from '../support/auth-fixture';

const CONTOSO = guid('c0ffee', 1);
const ANA_IN_CONTOSO = guid('9e57', 1);
const PROD = guid('e0', 12);
let sim: RunningSim;
let token: (scope: string) => Promise<string>;

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo' });
  const { auth } = authFixture(sim);
  const ana = await auth.signInInteractive(CONTOSO, 'Contoso');
  token = async (scope) => (await auth.getToken(CONTOSO, { kind: 'user', id: ana.identityId }, scope, 'Contoso')).token;
});
afterAll(async () => {
  await sim.close();
});

const get = <T,>(url: string, bearer: string) =>
  new Promise<{ status: number; body: T }>((resolve, reject) => {
    https
      .get(url.startsWith('http') ? url : `${sim.profile.endpoints.bap}${url}`, { ca: sim.caCertPem, headers: { authorization: `Bearer ${bearer}` } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || 'null') as T }));
      })
      .on('error', reject);
  });

/** Follows nextLink pages and returns every item; a page on ARM's host is read with an ARM token, as Microsoft's admin PowerShell does. */
async function all<T>(url: string, bearer: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  const arm = new URL(sim.profile.endpoints.arm).origin;
  for (let next: string | undefined = url; next; pages++) {
    const onArm = next.startsWith('http') && new URL(next).origin === arm;
    const page: { status: number; body: { value: T[]; nextLink?: string } } = await get(next, onArm ? await token(sim.profile.scopes.arm) : bearer);
    expect(page.status).toBe(200);
    items.push(...page.body.value);
    next = page.body.nextLink;
  }
  return { items, pages };
}

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../sim/fixtures', name), 'utf8')) as { value: Record<string, unknown>[] };

describe('simulated Power Platform', () => {
  it('lists the environments of the caller\'s tenant over nextLink pages, with type, region and Dataverse in the real shape', async () => {
    const bearer = await token(sim.profile.scopes.powerApps);
    const { items, pages } = await all<{ name: string; properties: Record<string, unknown> & { environmentSku: string; linkedEnvironmentMetadata?: { instanceUrl: string } } }>(
      '/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01',
      bearer,
    );
    expect(pages).toBe(2);
    expect(items.map((e) => e.properties.environmentSku)).toEqual(['Default', 'Production', 'Production', 'Sandbox']);
    const real = fixture('bap-admin-environments.response.json').value[0] as { properties: Record<string, unknown> };
    for (const key of ['id', 'type', 'location', 'name']) expect(items[1]).toHaveProperty(key);
    for (const key of ['tenantId', 'azureRegion', 'displayName', 'createdTime', 'environmentSku', 'isDefault', 'linkedEnvironmentMetadata']) {
      expect(real.properties, key).toHaveProperty(key);
      expect(items[1]?.properties, key).toHaveProperty(key);
    }
    expect(items[0]?.properties.linkedEnvironmentMetadata).toBeUndefined();
  });

  it('lists apps with their owner, and each app\'s permissions as Owner / CanEdit / CanView', async () => {
    const bearer = await token(sim.profile.scopes.powerApps);
    const { items } = await all<{ name: string; properties: { owner: { id: string }; displayName: string } }>(
      `${sim.profile.endpoints.powerApps}/providers/Microsoft.PowerApps/scopes/admin/environments/${PROD}/apps?api-version=2016-11-01`,
      bearer,
    );
    expect(items.map((a) => a.properties.displayName)).toEqual(['Field Inspections', 'Expense Approvals', 'Asset Tracker']);
    expect(items[0]?.properties.owner.id).toBe(ANA_IN_CONTOSO);
    const real = fixture('powerapps-admin-apps.response.json').value[0] as { properties: Record<string, unknown> };
    for (const key of ['owner', 'createdBy', 'displayName', 'environment', 'almMode', 'appPlanClassification', 'usesPremiumApi', 'lastModifiedTime']) {
      expect(real.properties, key).toHaveProperty(key);
      expect(items[0]?.properties, key).toHaveProperty(key);
    }
    const perms = await get<{ value: { properties: { roleName: string; principal: { id: string } } }[] }>(
      `${sim.profile.endpoints.powerApps}/providers/Microsoft.PowerApps/scopes/admin/environments/${PROD}/apps/${items[1]?.name}/permissions?api-version=2016-11-01`,
      bearer,
    );
    expect(perms.body.value.map((p) => [p.properties.roleName, p.properties.principal.id])).toEqual([
      ['Owner', guid('c5', 1)],
      ['CanEdit', ANA_IN_CONTOSO],
    ]);
  });

  it('lists flows with their creator, on the Flow audience only', async () => {
    const flowToken = await token(sim.profile.scopes.flow);
    const { items } = await all<{ properties: { displayName: string; creator: { objectId: string }; state: string } }>(
      `${sim.profile.endpoints.flow}/providers/Microsoft.ProcessSimple/scopes/admin/environments/${PROD}/v2/flows?api-version=2016-11-01`,
      flowToken,
    );
    expect(items.map((f) => [f.properties.displayName, f.properties.creator.objectId === ANA_IN_CONTOSO, f.properties.state])).toEqual([
      ['Approve expenses', true, 'Started'],
      ['Nightly export', false, 'Started'],
      ['Old reminder', true, 'Stopped'],
    ]);
    const wrong = await get(`${sim.profile.endpoints.flow}/providers/Microsoft.ProcessSimple/scopes/admin/environments/${PROD}/v2/flows?api-version=2016-11-01`, await token(sim.profile.scopes.powerApps));
    expect(wrong.status).toBe(401);
  });

  it('pages Power BI workspaces with $top/$skip and shows who configured each dataset (guests in #EXT# form)', async () => {
    const bearer = await token(sim.profile.scopes.powerBi);
    const first = await get<{ value: { id: string; name: string }[]; '@odata.count': number }>(`${sim.profile.endpoints.powerBi}/v1.0/myorg/groups?$top=2&$skip=0`, bearer);
    const second = await get<{ value: { id: string }[] }>(`${sim.profile.endpoints.powerBi}/v1.0/myorg/groups?$top=2&$skip=2`, bearer);
    expect(first.body['@odata.count']).toBe(3);
    expect(first.body.value.length + second.body.value.length).toBe(3);
    const datasets = await get<{ value: { name: string; configuredBy: string }[] }>(`${sim.profile.endpoints.powerBi}/v1.0/myorg/groups/${first.body.value[0]?.id}/datasets`, bearer);
    expect(datasets.body.value).toContainEqual(expect.objectContaining({ name: 'Pipeline', configuredBy: 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com' }));
  });

  it('lists the enabled users of a Customer Insights environment in its Dataverse instance', async () => {
    const envs = await all<{ properties: { displayName: string; linkedEnvironmentMetadata?: { instanceUrl: string } } }>(
      '/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01',
      await token(sim.profile.scopes.powerApps),
    );
    const ci = envs.items.find((e) => e.properties.displayName === 'Contoso Customer Insights');
    const instanceUrl = ci?.properties.linkedEnvironmentMetadata?.instanceUrl.replace(/\/$/, '') ?? '';
    const users = await get<{ value: { azureactivedirectoryobjectid: string }[] }>(`${instanceUrl}/api/data/v9.2/systemusers?$filter=isdisabled eq false`, await token(`${instanceUrl}/.default`));
    expect(users.body.value.map((u) => u.azureactivedirectoryobjectid)).toContain(ANA_IN_CONTOSO);
  });

  it('serves model-driven apps as Dataverse appmodules with $select and the creator expanded, and solution components over @odata.nextLink pages', async () => {
    const instanceUrl = sim.instanceUrl(guid('e0', 13));
    const bearer = await token(`${instanceUrl}/.default`);
    const apps = await get<{ value: Record<string, unknown>[] }>(
      `${instanceUrl}/api/data/v9.2/appmodules?$select=name,_createdby_value&$expand=appmodule_createdby($select=azureactivedirectoryobjectid,fullname)`,
      bearer,
    );
    expect(apps.body.value).toEqual([
      { '@odata.etag': expect.any(String), appmoduleid: guid('a0', 5), name: 'Customer Service Hub', _createdby_value: expect.any(String), appmodule_createdby: { azureactivedirectoryobjectid: null, fullname: 'SYSTEM' } },
    ]);
    const components: unknown[] = [];
    let pages = 0;
    for (let next: string | undefined = `${instanceUrl}/api/data/v9.2/solutioncomponents?$select=objectid,_solutionid_value&$filter=componenttype eq 29`; next; pages++) {
      const page: { body: { value: unknown[]; '@odata.nextLink'?: string } } = await get(next, bearer);
      components.push(...page.body.value);
      next = page.body['@odata.nextLink'];
    }
    // Both flows of the environment are in Default; only Case routing is also in the delivered solution.
    expect(components).toHaveLength(3);
    expect(pages).toBe(2);
  });

  it('shows no Customer Insights sign in BAP\'s environments, as no recorded answer does, but lists its anchor package as installed in the Power Platform API', async () => {
    const envs = await all<{ name: string; properties: { linkedEnvironmentMetadata?: Record<string, unknown> } }>(
      '/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01',
      await token(sim.profile.scopes.powerApps),
    );
    for (const e of envs.items) expect(Object.keys(e.properties.linkedEnvironmentMetadata ?? {})).not.toContain('templates');
    const packagesOf = (env: string, bearer: string, query = 'api-version=2022-03-01-preview') =>
      get<{ value: { uniqueName: string; state: string }[] }>(`${sim.profile.endpoints.powerPlatformApi}/appmanagement/environments/${env}/applicationPackages?${query}`, bearer);
    const bearer = await token(sim.profile.scopes.powerPlatformApi);
    const ci = await packagesOf(guid('e0', 13), bearer, 'appInstallState=Installed&api-version=2022-03-01-preview');
    expect(ci.status).toBe(200);
    expect(ci.body.value.map((p) => [p.uniqueName, p.state])).toContainEqual(['msdyn_CustomerInsightsAnchor', 'Installed']);
    const prod = await packagesOf(PROD, bearer);
    expect(prod.body.value.filter((p) => p.state === 'Installed')).toEqual([]);
    expect(prod.body.value.map((p) => p.state)).toContain('None');
    expect((await packagesOf(PROD, await token(sim.profile.scopes.powerApps))).status).toBe(401);
  });

  it('answers Dataverse with only the $select-ed columns and the primary key, and says which kind of user each is when asked', async () => {
    const instanceUrl = sim.instanceUrl(guid('e0', 13));
    const bearer = await token(`${instanceUrl}/.default`);
    const some = await get<{ '@odata.context': string; value: Record<string, unknown>[] }>(`${instanceUrl}/api/data/v9.2/systemusers?$select=azureactivedirectoryobjectid,accessmode`, bearer);
    expect(some.body['@odata.context']).toMatch(/#systemusers\(azureactivedirectoryobjectid,accessmode\)$/);
    for (const row of some.body.value) expect(Object.keys(row).sort()).toEqual(['@odata.etag', 'accessmode', 'azureactivedirectoryobjectid', 'systemuserid']);
    const unknown = await get(`${instanceUrl}/api/data/v9.2/systemusers?$select=nosuchcolumn`, bearer);
    expect(unknown.status).toBe(400);
    const names: string[] = [];
    for (let next: string | undefined = `${instanceUrl}/api/data/v9.2/solutions?$select=uniquename`; next; ) {
      const page: { body: { value: { uniquename: string }[]; '@odata.nextLink'?: string } } = await get(next, bearer);
      names.push(...page.body.value.map((s) => s.uniquename));
      next = page.body['@odata.nextLink'];
    }
    expect(names).toContain('msdyn_CustomerInsightsAnchor');
  });

  it('answers one environment by name, as admin only for an environment the caller administers, with its Dataverse instance and Web API URLs', async () => {
    const bearer = await token(sim.profile.scopes.powerApps);
    const base = `${sim.profile.endpoints.bap}/providers/Microsoft.BusinessAppPlatform`;
    const ci = await get<{ name: string; properties: { linkedEnvironmentMetadata: { instanceUrl: string; instanceApiUrl: string } } }>(`${base}/scopes/admin/environments/${guid('e0', 13)}?api-version=2023-06-01`, bearer);
    expect(ci.status).toBe(200);
    expect(ci.body.name).toBe(guid('e0', 13));
    expect(ci.body.properties.linkedEnvironmentMetadata).toMatchObject({ instanceUrl: `${sim.instanceUrl(guid('e0', 13))}/`, instanceApiUrl: sim.instanceUrl(guid('e0', 13)) });
    expect((await get(`${base}/environments/${PROD}?api-version=2020-10-01`, bearer)).status).toBe(200);
    expect((await get(`${base}/scopes/admin/environments/${guid('e0', 21)}?api-version=2023-06-01`, bearer)).status).toBe(404);
  });

  it('refuses another tenant\'s environment and a missing token', async () => {
    const bearer = await token(sim.profile.scopes.powerApps);
    expect((await get(`${sim.profile.endpoints.powerApps}/providers/Microsoft.PowerApps/scopes/admin/environments/${guid('e0', 21)}/apps?api-version=2016-11-01`, bearer)).status).toBe(404);
    expect((await get('/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01', 'nope')).status).toBe(401);
  });
});
