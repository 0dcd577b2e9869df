/** The attribution checklist entry points: one resource by product, or every resource of one tenant. */
import type { ChecklistInput, ResourceChecklist, TenantFacts } from '../checklist-types';
import type { DataverseUserFact, EnvironmentFact } from '../power-platform-types';
import { widestScope } from './coverage';
import { customerInsightsChecklist } from './customer-insights-rules';
import { appChecklist } from './power-apps-rules';
import { flowChecklist } from './power-automate-rules';
import { datasetChecklist } from './power-bi-rules';
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

/** Every app, flow and dataset of the tenant, and one resource per Customer Insights environment (its Dataverse users). */
export function checklistForTenant(facts: TenantFacts): ResourceChecklist[] {
  const environments = new Map<string, EnvironmentFact>(facts.environments.map((e) => [e.environmentId, e]));
  const usersByEnvironment = new Map<string, DataverseUserFact[]>();
  for (const user of facts.dataverseUsers) {
    const list = usersByEnvironment.get(user.environmentId);
    if (list) list.push(user);
    else usersByEnvironment.set(user.environmentId, [user]);
  }
  const scope = widestScope(facts.scopes, 'customer-insights');
  const memo = tenantMemo(facts);
  const lists: ResourceChecklist[] = [];
  for (const app of facts.apps) lists.push(appChecklist(app, environments.get(app.environmentId) ?? null, facts, memo));
  for (const flow of facts.flows) lists.push(flowChecklist(flow, environments.get(flow.environmentId) ?? null, facts, memo));
  for (const dataset of facts.datasets) lists.push(datasetChecklist(dataset, facts, memo));
  for (const e of facts.environments) if (e.customerInsights) lists.push(customerInsightsChecklist(e, usersByEnvironment.get(e.environmentId) ?? [], scope, facts));
  return lists;
}
