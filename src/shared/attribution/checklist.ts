/** The attribution checklist entry points: one resource by product, or every resource of one tenant (outcomes first, rows on demand). */
import type { ChecklistInput, ResourceChecklist, TenantFacts } from '../checklist-types';
import type { DataverseUserFact, EnvironmentFact } from '../power-platform-types';
import { widestScope } from './coverage';
import { customerInsightsChecklist } from './customer-insights-rules';
import { appChecklist, appOutcome, appRow } from './power-apps-rules';
import { flowChecklist, flowOutcome, flowRow } from './power-automate-rules';
import { datasetChecklist, datasetOutcome, datasetRow } from './power-bi-rules';
import type { Outcome } from './resource-checklist';
import { tenantMemo } from './tenant-memo';

export function checklistFor(input: ChecklistInput): ResourceChecklist {
  switch (input.product) {
    case 'power-apps':
      return appChecklist(input.app, input.environment, input.context);
    case 'power-automate':
      return flowChecklist(input.flow, input.environment, input.context);
    case 'power-bi':
      return datasetChecklist(input.dataset, input.context);
    case 'customer-insights':
      return customerInsightsChecklist(input.environment, input.users, input.scope, input.context);
  }
}

/**
 * What the rules say about every resource of one tenant: `apps[i]` is the outcome of `facts.apps[i]`, and so on (resources
 * with the same facts share one outcome); Customer Insights, one resource per environment that has it, as rows.
 */
export interface TenantOutcomes {
  facts: TenantFacts;
  apps: Outcome[];
  flows: Outcome[];
  datasets: Outcome[];
  customerInsights: ResourceChecklist[];
}

export function outcomesForTenant(facts: TenantFacts): TenantOutcomes {
  const environments = new Map<string, EnvironmentFact>();
  for (const e of facts.environments) environments.set(e.environmentId, e);
  const usersByEnvironment = new Map<string, DataverseUserFact[]>();
  for (const user of facts.dataverseUsers) {
    const list = usersByEnvironment.get(user.environmentId);
    if (list) list.push(user);
    else usersByEnvironment.set(user.environmentId, [user]);
  }
  const memo = tenantMemo(facts);
  const apps = facts.apps.map((app) => appOutcome(app, environments.get(app.environmentId) ?? null, memo));
  const flows = facts.flows.map((flow) => flowOutcome(flow, environments.get(flow.environmentId) ?? null, memo));
  const datasets = facts.datasets.map((d) => datasetOutcome(d, memo));
  const scope = widestScope(facts.scopes, 'customer-insights');
  const customerInsights: ResourceChecklist[] = [];
  // An environment where it is unknown whether Customer Insights is installed gets a row too: its verdict says unknown, and why.
  for (const e of facts.environments) if (e.customerInsights !== false) customerInsights.push(customerInsightsChecklist(e, usersByEnvironment.get(e.environmentId) ?? [], scope, facts));
  return { facts, apps, flows, datasets, customerInsights };
}

/** The rows of a tenant's checklist: every app, flow and dataset, then one resource per Customer Insights environment. */
export function checklistRows(o: TenantOutcomes): ResourceChecklist[] {
  return [
    ...o.facts.apps.map((app, i) => appRow(app, o.apps[i] as Outcome)),
    ...o.facts.flows.map((flow, i) => flowRow(flow, o.flows[i] as Outcome)),
    ...o.facts.datasets.map((dataset, i) => datasetRow(dataset, o.datasets[i] as Outcome)),
    ...o.customerInsights,
  ];
}

export const checklistForTenant = (facts: TenantFacts): ResourceChecklist[] => checklistRows(outcomesForTenant(facts));
