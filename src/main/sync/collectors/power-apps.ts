/** Collector: Power Apps canvas apps and Dataverse model-driven apps of every environment read in this sync, with owner, co-owners, type and solution awareness. */
import type { CloudProfile } from '../../../shared/cloud-profile';
import { identityRefOf } from '../../domain/identity';
import type { ClientRegistry } from '../../http/client-registry';
import type { Inventory } from '../../inventory/inventory';
import type { DataverseSolutionReader } from '../../powerplatform/dataverse-solution-reader';
import { registrationRefusal, type EnvironmentReader } from '../../powerplatform/environment-reader';
import { readPerEnvironment } from '../../powerplatform/per-environment';
import { listApps } from '../../powerplatform/power-apps-api';
import { withModelDrivenApps } from '../../powerplatform/solution-facts';
import type { Collector } from '../collector';
import { scopedFacts } from './scoped-facts';

export interface PowerPlatformCollectorDeps {
  inventory: Inventory;
  clients: Pick<ClientRegistry, 'rest'>;
  cloud: CloudProfile;
  /** This sync's environments (the environments collector's read). */
  environments: EnvironmentReader;
  /** This sync's Dataverse solutions and model-driven apps per environment. */
  solutions: DataverseSolutionReader;
}

export function powerAppsCollector(deps: PowerPlatformCollectorDeps): Collector {
  return {
    name: 'power-apps',
    facts: 'apps',
    service: 'Power Apps',
    async collect(ctx) {
      const environments = await deps.environments.read(ctx);
      ctx.step('power-apps');
      const seenAt = new Date().toISOString();
      const canvas = await readPerEnvironment(environments, {
        accounts: ctx.accounts,
        adminName: 'a Power Platform admin',
        list: (account, environment, scope) =>
          listApps(
            { rest: deps.clients.rest(ctx.tenantId, identityRefOf(account), deps.cloud.scopes.powerApps, ctx.label), base: deps.cloud.endpoints.powerApps, tenantId: ctx.tenantId, seenAt, signal: ctx.signal },
            environment.environmentId,
            scope,
          ),
        key: (a) => a.appId,
        refusal: registrationRefusal('apps'),
      });
      const read = await withModelDrivenApps(ctx, canvas, environments, deps.solutions);
      return scopedFacts(deps.inventory, ctx, 'power-apps', read, seenAt, (tenantId, items) => deps.inventory.powerPlatform.replaceApps(tenantId, items));
    },
  };
}
