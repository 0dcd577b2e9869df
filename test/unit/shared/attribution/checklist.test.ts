import { describe, expect, it } from 'vitest';
import { checklistFor, checklistForTenant, checklistRows, outcomesForTenant } from '../../../../src/shared/attribution/checklist';
import { summarize, summarizeOutcomes } from '../../../../src/shared/attribution/summary';
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

describe('many resources of one tenant', () => {
  it('say exactly what each says when checked alone, though resources with the same facts share their checks', () => {
    const tenant = facts({
      accounts: [ana, bob, { ...ana, identityId: 'olga', label: 'olga@northwindpartners.com', objectId: 'olga-oid', link: { status: 'other-partner', partnerId: '7654321' } }],
      apps: [
        app(),
        app({ appId: 'app-2' }),
        app({ appId: 'app-3', ownerObjectId: stranger, coOwnerObjectIds: ['bob-oid'] }),
        app({ appId: 'app-4', ownerObjectId: stranger, coOwnerObjectIds: ['olga-oid', 'ana-oid'], environmentId: 'env-ci', solutionAware: false }),
        app({ appId: 'app-5', ownerObjectId: stranger, coOwnerObjectIds: null }),
        app({ appId: 'app-6', ownerObjectId: stranger, coOwnerObjectIds: [] }),
        app({ appId: 'app-7', appType: 'model-driven', ownerObjectId: stranger }),
        app({ appId: 'app-8', editorEmails: ['lee@fourthcoffee.com'] }),
        app({ appId: 'app-9', editorEmails: ['lee@fourthcoffee.com'], solutionAware: null }),
        app({ appId: 'app-10', ownerObjectId: 'ANA-OID', editorEmails: ['Lee@FourthCoffee.com', 'megan@contoso.onmicrosoft.com'] }),
      ],
      flows: [flow(), flow({ flowId: 'flow-2', creatorObjectId: 'bob-oid', environmentId: 'env-ci' }), flow({ flowId: 'flow-3', creatorObjectId: stranger }), flow({ flowId: 'flow-4', solutionAware: null })],
      datasets: [dataset(), dataset({ datasetId: 'ds-2', configuredBy: 'john@contoso.com' }), dataset({ datasetId: 'ds-3' })],
    });
    const environments = new Map(tenant.environments.map((e) => [e.environmentId, e]));
    const alone = [
      ...tenant.apps.map((a) => checklistFor({ product: 'power-apps', app: a, environment: environments.get(a.environmentId) ?? null, context: tenant })),
      ...tenant.flows.map((f) => checklistFor({ product: 'power-automate', flow: f, environment: environments.get(f.environmentId) ?? null, context: tenant })),
      ...tenant.datasets.map((d) => checklistFor({ product: 'power-bi', dataset: d, context: tenant })),
    ];
    const together = checklistForTenant(tenant).filter((l) => l.product !== 'customer-insights');
    expect(together).toEqual(alone);
    expect(new Set(together.map((l) => l.verdict))).toEqual(new Set(['attributed', 'at-risk', 'not-attributed', 'unknown']));
    expect(together.find((l) => l.resourceId === 'app-10')?.checks.find((c) => c.id === 'several-partners')).toMatchObject({ status: 'warn', reason: expect.stringMatching(/^Lee@FourthCoffee\.com also edits it/) });
  });

  it('are counted the same from their outcomes as from their rows, without a row per resource', () => {
    const tenants = [
      facts({ apps: [app(), app({ appId: 'app-2', ownerObjectId: stranger, coOwnerObjectIds: [] })], flows: [flow(), flow({ flowId: 'flow-2', creatorObjectId: null })], datasets: [dataset()], dataverseUsers: [dvUser('ana-oid')] }),
      facts({ tenantId: 'fabrikam', environments: [], apps: [app({ tenantId: 'fabrikam', appType: 'model-driven', ownerObjectId: stranger })] }),
      facts({ tenantId: 'litware', environments: [] }),
    ];
    const outcomes = tenants.map(outcomesForTenant);
    const rows = outcomes.flatMap(checklistRows);
    expect(rows).toEqual(tenants.flatMap(checklistForTenant));
    expect(summarizeOutcomes(outcomes, [makerScope('power-apps')])).toEqual(summarize(rows, [makerScope('power-apps')]));
    expect(summarizeOutcomes(outcomes).tenants.map((t) => `${t.tenantId} ${t.all.total}`)).toEqual(['contoso 6', 'fabrikam 1']);
  });
});

describe('missing data', () => {
  const context = contoso([ana]);
  const bare = [
    checklistFor({ product: 'power-apps', app: app({ appType: null, ownerObjectId: null, coOwnerObjectIds: null, solutionAware: null }), environment: env(null), context }),
    checklistFor({ product: 'power-apps', app: app({ appType: 'model-driven', ownerObjectId: null, coOwnerObjectIds: null, solutionAware: null }), environment: null, context }),
    checklistFor({ product: 'power-automate', flow: flow({ creatorObjectId: null, state: null, solutionAware: null }), environment: env(null), context }),
    checklistFor({ product: 'power-bi', dataset: dataset({ configuredBy: null }), context }),
    checklistFor({ product: 'customer-insights', environment: env(null, { customerInsights: true }), users: [], scope: null, context }),
  ];

  it.each(bare.map((l) => [l.product, l] as const))('%s with every optional fact missing: no check passes and the verdict is unknown', (_product, list) => {
    expect(list.verdict).toBe('unknown');
    expect(list.attributedTo).toBeNull();
    expect(list.checks.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual([]);
  });

  it('says plainly what is missing about an app', () => {
    expect(bare[0]?.checks[0]?.reason).toBe('The API did not give the owner, and the co-owners could not be read (permissions): the app may still be ours.');
    expect(checklistFor({ product: 'power-apps', app: app({ ownerObjectId: null }), environment: env(), context: contoso([bob]) }).checks[0]?.reason).toBe(
      'The API did not give the owner, and it has no co-owner: the app may still be ours.',
    );
  });
});

describe('reasons and remediations', () => {
  it('link only to learn.microsoft.com and always give a reason', () => {
    const context = contoso([bob, { ...ana, link: { status: 'other-partner', partnerId: '7654321' } }]);
    const lists = [
      checklistFor({ product: 'power-apps', app: app({ ownerObjectId: stranger, solutionAware: false }), environment: env('Sandbox'), context }),
      checklistFor({ product: 'power-apps', app: app({ appType: 'model-driven', ownerObjectId: stranger }), environment: env(), context }),
      checklistFor({ product: 'power-apps', app: app({ ownerObjectId: 'bob-oid', coOwnerObjectIds: ['ana-oid'] }), environment: env(), context }),
      checklistFor({ product: 'power-automate', flow: flow({ creatorObjectId: stranger }), environment: env(null), context }),
      checklistFor({ product: 'power-bi', dataset: dataset({ configuredBy: 'john@contoso.com' }), context }),
      checklistFor({ product: 'customer-insights', environment: env('Trial', { customerInsights: true }), users: [dvUser('ana-oid', true)], scope: null, context }),
    ];
    const checks = lists.flatMap((l) => l.checks);
    expect(checks.length).toBeGreaterThan(15);
    for (const check of checks) {
      expect(check.reason.length).toBeGreaterThan(10);
      if (check.docUrl !== undefined) expect(check.docUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
      if (check.status === 'fail' || check.status === 'warn') expect(check.remediation).toEqual(expect.any(String));
    }
  });
});
