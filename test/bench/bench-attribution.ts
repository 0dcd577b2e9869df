/** Attribution speed: checklists for 1,000 tenants / 100,000 resources from generated facts, then their summary. */
import { checklistForTenant } from '../../src/shared/attribution/checklist';
import { summarize } from '../../src/shared/attribution/summary';
import type { ResourceChecklist, TenantFacts } from '../../src/shared/checklist-types';
import { guid } from '../sim/scenario';

function tenantFacts(n: number, resources: number): TenantFacts {
  const tenantId = guid('c0ffee', n);
  const ana = guid('9e57', n);
  const apps = Math.floor(resources / 2);
  const seenAt = '2026-11-24T10:00:00.000Z';
  return {
    tenantId,
    domains: [`customer${n}.onmicrosoft.com`],
    partnerId: '1234567',
    accounts: [{ identityId: 'ana', kind: 'user', label: 'ana@northwindpartners.com', objectId: ana, upn: 'ana@northwindpartners.com', link: { status: n % 5 ? 'linked' : 'not-linked', partnerId: n % 5 ? '1234567' : null } }],
    environments: [{ tenantId, environmentId: 'prod', displayName: 'Production', sku: 'Production', region: null, dataverseUrl: null, customerInsights: false, seenAt }],
    apps: Array.from({ length: apps }, (_, i) => ({ tenantId, environmentId: 'prod', appId: `a${i}`, displayName: `App ${i}`, appType: 'canvas' as const, ownerObjectId: i % 3 ? ana : guid('0ther', i), coOwnerObjectIds: [], editorEmails: [i % 3 ? 'ana@northwindpartners.com' : `user${i}@customer${n}.onmicrosoft.com`], solutionAware: i % 4 ? true : null, seenAt })),
    flows: Array.from({ length: resources - apps }, (_, i) => ({ tenantId, environmentId: 'prod', flowId: `f${i}`, displayName: `Flow ${i}`, creatorObjectId: i % 2 ? ana : null, state: 'Started', solutionAware: true, seenAt })),
    datasets: [],
    dataverseUsers: [],
    scopes: [],
  };
}

/** Median times of building every tenant's checklists and of summarising them. */
export function measureAttribution(options: { tenants: number; resourcesPerTenant: number; runs: number }): { checklistMs: number; summaryMs: number; resources: number } {
  const facts = Array.from({ length: options.tenants }, (_, n) => tenantFacts(n + 1, options.resourcesPerTenant));
  const build: number[] = [];
  const sum: number[] = [];
  let lists: ResourceChecklist[] = [];
  for (let run = 0; run < options.runs; run++) {
    let started = performance.now();
    lists = facts.flatMap(checklistForTenant);
    build.push(performance.now() - started);
    started = performance.now();
    summarize(lists);
    sum.push(performance.now() - started);
  }
  const median = (t: number[]) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)] ?? 0;
  return { checklistMs: median(build), summaryMs: median(sum), resources: lists.length };
}
