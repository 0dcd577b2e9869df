import { describe, expect, it } from 'vitest';
import { checklistFor, checklistForTenant } from '../../../../src/shared/attribution/checklist';
import { summarize } from '../../../../src/shared/attribution/summary';
import type { TenantFacts } from '../../../../src/shared/checklist-types';
import type { InventoryScope } from '../../../../src/shared/power-platform-types';
import { ana, app, bob, contoso, dataset, dvUser, env, flow, SEEN } from './fixtures';

const stranger = 'f00d0000-0000-0000-0000-000000000001';

const facts = (over: Partial<TenantFacts> = {}): TenantFacts => ({
  ...contoso([ana, bob]),
  environments: [env('Production'), env('Sandbox', { environmentId: 'env-ci', displayName: 'Contoso CI', customerInsights: true })],
  apps: [],
  flows: [],
  datasets: [],
  dataverseUsers: [],
  scopes: [],
  ...over,
});

const makerScope = (product: InventoryScope['product']): InventoryScope => ({ tenantId: 'contoso', product, scope: 'maker', identityId: 'ana', reason: 'ana@northwindpartners.com is not an environment admin: only what it can see is listed', seenAt: SEEN });

describe('checklist of one resource', () => {
  it('dispatches by product', () => {
    const context = contoso([ana]);
    expect(checklistFor({ product: 'power-apps', app: app(), environment: env(), context })).toMatchObject({ product: 'power-apps', verdict: 'attributed' });
    expect(checklistFor({ product: 'power-automate', flow: flow(), environment: env(), context })).toMatchObject({ product: 'power-automate', verdict: 'attributed' });
    expect(checklistFor({ product: 'power-bi', dataset: dataset(), context })).toMatchObject({ product: 'power-bi', verdict: 'attributed' });
    const ci = env('Production', { environmentId: 'env-ci', customerInsights: true });
    expect(checklistFor({ product: 'customer-insights', environment: ci, users: [dvUser('ana-oid')], scope: null, context })).toMatchObject({ product: 'customer-insights', verdict: 'attributed' });
  });
});

describe("checklist of a tenant's resources", () => {
  it('lists every app, flow and dataset, and one resource per Customer Insights environment', () => {
    const lists = checklistForTenant(facts({
      apps: [app()],
      flows: [flow({ environmentId: 'env-ci' })],
      datasets: [dataset()],
      dataverseUsers: [dvUser('ana-oid'), dvUser('bob-oid', false, 'env-prod')],
    }));
    expect(lists.map((l) => [l.product, l.resourceId, l.verdict])).toEqual([
      ['power-apps', 'app-1', 'attributed'],
      ['power-automate', 'flow-1', 'at-risk'],
      ['power-bi', 'ds-1', 'attributed'],
      ['customer-insights', 'env-ci', 'at-risk'],
    ]);
  });

  it("reads each resource's own environment, and unknown when it is missing", () => {
    const [inSandbox, missing] = checklistForTenant(facts({ flows: [flow({ environmentId: 'env-ci' }), flow({ flowId: 'flow-2', environmentId: 'env-gone' })] }));
    expect(inSandbox?.checks.find((c) => c.id === 'production')?.status).toBe('warn');
    expect(missing?.checks.find((c) => c.id === 'production')?.status).toBe('unknown');
  });

  it('is unknown for a Customer Insights environment whose Dataverse users were not read, with the reason given', () => {
    const denied: InventoryScope = { ...makerScope('customer-insights'), scope: 'denied', reason: 'no security role in Contoso CI' };
    const [ci] = checklistForTenant(facts({ scopes: [denied] }));
    expect(ci).toMatchObject({ product: 'customer-insights', verdict: 'unknown' });
    expect(ci?.checks[0]?.reason).toContain('no security role in Contoso CI');
  });

  it('in maker scope: what we own is there either way, and an app of someone else seen by our account is judged on its facts', () => {
    const scopes = [makerScope('power-apps')];
    const lists = checklistForTenant(facts({
      scopes,
      apps: [
        app(),
        app({ appId: 'app-shared', ownerObjectId: stranger, coOwnerObjectIds: [] }),
        app({ appId: 'app-viewer', ownerObjectId: stranger, coOwnerObjectIds: null }),
      ],
    }));
    expect(lists.filter((l) => l.product === 'power-apps').map((l) => [l.resourceId, l.verdict])).toEqual([
      ['app-1', 'attributed'],
      ['app-shared', 'not-attributed'],
      ['app-viewer', 'unknown'],
    ]);
    const summary = summarize(lists, scopes);
    expect(summary.tenants[0]?.coverage).toEqual({ 'power-apps': 'maker', 'power-automate': 'unknown', 'power-bi': 'unknown', 'customer-insights': 'unknown' });
  });

  it('claims nothing about flows it has not seen: no checklist, and coverage unknown without a scope', () => {
    const lists = checklistForTenant(facts({ apps: [app()] }));
    expect(lists.some((l) => l.product === 'power-automate')).toBe(false);
    expect(summarize(lists).tenants[0]?.coverage['power-automate']).toBe('unknown');
  });
});
