/** Attribution speed: the checklists of 1,000 tenants / 100,000 resources from generated facts, their summary, and their rows. */
import { checklistRows, outcomesForTenant } from '../../src/shared/attribution/checklist';
import { summarizeOutcomes } from '../../src/shared/attribution/summary';
import type { ResourceChecklist, TenantFacts } from '../../src/shared/checklist-types';
import { guid } from '../sim/scenario';

export function tenantFacts(n: number, resources: number): TenantFacts {
  const tenantId = guid('c0ffee', n);
  const ana = guid('9e57', n);
  const apps = Math.floor(resources / 2);
  const seenAt = '2026-11-24T10:00:00.000Z';
  return {
    tenantId,
    domains: [`customer${n}.onmicrosoft.com`],
    partnerId: '1234567',
    accounts: [{ identityId: 'ana', kind: 'user', label: 'ana@northwindpartners.com', objectId: ana, upn: 'ana@northwindpartners.com', link: { status: n % 5 ? 'linked' : 'not-linked', partnerId: n % 5 ? '1234567' : null } }],
    environments: [{ tenantId, environmentId: 'prod', displayName: 'Production', sku: 'Production', region: null, dataverseUrl: null, customerInsights: false, customerInsightsReason: null, seenAt }],
    apps: Array.from({ length: apps }, (_, i) => ({ tenantId, environmentId: 'prod', appId: `a${i}`, displayName: `App ${i}`, appType: 'canvas' as const, ownerObjectId: i % 3 ? ana : guid('0ther', i), coOwnerObjectIds: [], editorEmails: [i % 3 ? 'ana@northwindpartners.com' : `user${i}@customer${n}.onmicrosoft.com`], solutionAware: i % 4 ? true : null, seenAt })),
    flows: Array.from({ length: resources - apps }, (_, i) => ({ tenantId, environmentId: 'prod', flowId: `f${i}`, displayName: `Flow ${i}`, creatorObjectId: i % 2 ? ana : null, state: 'Started', solutionAware: true, seenAt })),
    datasets: [],
    dataverseUsers: [],
    scopes: [],
  };
}

/**
 * Median times of working out every resource's checks and verdict (outcomes), of summarising them, and of making the
 * per-resource rows an export or the CLI needs (from the same outcomes). The first `warmUps` runs are not counted: the
 * functions are still being compiled then.
 */
export function measureAttribution(options: { tenants: number; resourcesPerTenant: number; warmUps: number; runs: number }): { outcomesMs: number; summaryMs: number; rowsMs: number; resources: number } {
  const facts = Array.from({ length: options.tenants }, (_, n) => tenantFacts(n + 1, options.resourcesPerTenant));
  const times = { outcomes: [] as number[], summary: [] as number[], rows: [] as number[] };
  let resources = 0;
  for (let run = -options.warmUps; run < options.runs; run++) {
    let started = performance.now();
    const outcomes = facts.map(outcomesForTenant);
    times.outcomes.push(performance.now() - started);
    started = performance.now();
    resources = summarizeOutcomes(outcomes).all.total;
    times.summary.push(performance.now() - started);
    started = performance.now();
    const rows: ResourceChecklist[] = outcomes.flatMap(checklistRows);
    times.rows.push(performance.now() - started);
    if (rows.length !== resources) throw new Error(`${rows.length} rows for ${resources} resources`);
    if (run < 0) for (const t of Object.values(times)) t.pop();
  }
  const median = (t: number[]) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)] ?? 0;
  return { outcomesMs: median(times.outcomes), summaryMs: median(times.summary), rowsMs: median(times.rows), resources };
}
