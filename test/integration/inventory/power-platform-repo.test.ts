import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/main/inventory/inventory';
import type { AppFact, FlowFact } from '../../../src/shared/power-platform-types';
import { generateScenario } from '../../sim/generate';

const dir = () => mkdtempSync(path.join(tmpdir(), 'pal-pp-'));
const SEEN = '2026-10-01T08:00:00.000Z';
const tenant = (n: number) => ({ tenantId: `t-${n}`, displayName: `Tenant ${n}`, defaultDomain: null, cloudId: 'sim' });
const app = (n: number, appId: string, coOwners: string[] | null): AppFact => ({
  tenantId: `t-${n}`,
  environmentId: 'env-1',
  appId,
  displayName: appId,
  appType: 'canvas',
  ownerObjectId: 'owner',
  coOwnerObjectIds: coOwners,
  editorEmails: coOwners === null ? null : ['owner@contoso.com'],
  solutionAware: null,
  seenAt: SEEN,
});

describe('Power Platform facts in the inventory', () => {
  it('replaces a tenant\'s facts of one product, so a deleted app disappears while other tenants and products stay, and keeps unknowns as null', () => {
    const inv = new Inventory(dir());
    inv.tenants.upsert(tenant(1));
    inv.tenants.upsert(tenant(2));
    inv.saveSnapshot('t-1', [{ collector: 'power-apps', save: () => inv.powerPlatform.replaceApps('t-1', [app(1, 'a', ['x']), app(1, 'b', null)]) }]);
    inv.saveSnapshot('t-2', [{ collector: 'power-apps', save: () => inv.powerPlatform.replaceApps('t-2', [app(2, 'c', [])]) }]);
    inv.saveSnapshot('t-1', [{ collector: 'power-apps', save: () => inv.powerPlatform.replaceApps('t-1', [app(1, 'b', null)]) }]);
    expect(inv.powerPlatform.apps('t-1')).toEqual([app(1, 'b', null)]);
    expect(inv.powerPlatform.apps().map((a) => [a.tenantId, a.appId, a.coOwnerObjectIds])).toEqual([
      ['t-1', 'b', null],
      ['t-2', 'c', []],
    ]);
    inv.close();
  });

  it('keeps one scope per tenant and product, the latest read', () => {
    const inv = new Inventory(dir());
    inv.tenants.upsert(tenant(1));
    inv.powerPlatform.setScope({ tenantId: 't-1', product: 'power-bi', scope: 'admin', identityId: 'ana', reason: null, seenAt: SEEN });
    inv.powerPlatform.setScope({ tenantId: 't-1', product: 'power-bi', scope: 'maker', identityId: 'ana', reason: 'Only what ana can see', seenAt: SEEN });
    expect(inv.powerPlatform.scopes('t-1')).toEqual([{ tenantId: 't-1', product: 'power-bi', scope: 'maker', identityId: 'ana', reason: 'Only what ana can see', seenAt: SEEN }]);
    inv.close();
  });

  it('stores and reads back 1,000 tenants of 3 environments, 100,000 apps and flows and 20,000 datasets, for the checklist of all tenants', () => {
    const pp = generateScenario({ tenants: 1000, resources: 100_000, environmentsPerTenant: 3, datasetsPerTenant: 20 }).powerPlatform;
    if (!pp) throw new Error('no Power Platform data generated');
    const inv = new Inventory(dir());
    const tenantOf = new Map(pp.environments.map((e) => [e.environmentId, e.tenantId]));
    const apps: AppFact[] = pp.apps.map((a) => ({ tenantId: tenantOf.get(a.environmentId) ?? '', environmentId: a.environmentId, appId: a.appId, displayName: a.displayName, appType: 'canvas', ownerObjectId: a.ownerObjectId, coOwnerObjectIds: [], editorEmails: [], solutionAware: false, seenAt: SEEN }));
    const flows: FlowFact[] = pp.flows.map((f) => ({ tenantId: tenantOf.get(f.environmentId) ?? '', environmentId: f.environmentId, flowId: f.flowId, displayName: f.displayName, creatorObjectId: f.creatorObjectId, state: f.state, solutionAware: false, seenAt: SEEN }));
    const byTenant = <T extends { tenantId: string }>(facts: T[]) => Map.groupBy(facts, (f) => f.tenantId);
    const appsOf = byTenant(apps);
    const flowsOf = byTenant(flows);
    for (const t of new Set(tenantOf.values())) {
      inv.tenants.upsert({ tenantId: t, displayName: t, defaultDomain: null, cloudId: 'sim' });
      inv.saveSnapshot(t, [
        { collector: 'environments', save: () => inv.powerPlatform.replaceEnvironments(t, pp.environments.filter((e) => e.tenantId === t).map((e) => ({ tenantId: t, environmentId: e.environmentId, displayName: e.displayName, sku: e.sku, region: e.region, dataverseUrl: null, customerInsights: false, customerInsightsReason: null, seenAt: SEEN }))) },
        { collector: 'power-apps', save: () => inv.powerPlatform.replaceApps(t, appsOf.get(t) ?? []) },
        { collector: 'flows', save: () => inv.powerPlatform.replaceFlows(t, flowsOf.get(t) ?? []) },
        {
          collector: 'power-bi',
          save: () =>
            inv.powerPlatform.replaceDatasets(
              t,
              pp.workspaces.filter((w) => w.tenantId === t).flatMap((w) => w.datasets.map((d) => ({ tenantId: t, workspaceId: w.groupId, workspaceName: w.name, datasetId: d.id, name: d.name, configuredBy: d.configuredBy, seenAt: SEEN }))),
            ),
        },
      ]);
    }
    const read = { environments: inv.powerPlatform.environments(), apps: inv.powerPlatform.apps(), flows: inv.powerPlatform.flows(), datasets: inv.powerPlatform.datasets() };
    expect(read.environments).toHaveLength(3000);
    expect(read.apps.length + read.flows.length).toBe(100_000);
    expect(read.datasets).toHaveLength(20_000);
    expect(inv.powerPlatform.apps(read.apps[0]?.tenantId).length).toBeGreaterThan(60);
    inv.close();
  });
});
