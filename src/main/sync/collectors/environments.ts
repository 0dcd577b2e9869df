/** Collector: the tenant's Power Platform environments (type, region, Dataverse URL, Customer Insights) and the scope they were read with. */
import type { Inventory } from '../../inventory/inventory';
import type { EnvironmentReader } from '../../powerplatform/environment-reader';
import type { Collector } from '../collector';
import { scopedFacts } from './scoped-facts';

export function environmentsCollector(deps: { inventory: Inventory; environments: EnvironmentReader }): Collector {
  return {
    name: 'environments',
    facts: 'environments',
    service: 'Power Platform',
    async collect(ctx) {
      ctx.step('environments');
      const read = await deps.environments.read(ctx);
      return scopedFacts(deps.inventory, ctx, 'environments', read, read.seenAt, (tenantId, items) => deps.inventory.powerPlatform.replaceEnvironments(tenantId, items));
    },
  };
}
