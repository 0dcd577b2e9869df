/** BAP environments, admin or maker scope, as environment facts (type, region, Dataverse URL); BAP does not say whether Customer Insights is installed. */
import type { EnvironmentFact, EnvironmentSku } from '../../shared/power-platform-types';
import { withId, type RestClient } from '../http/rest-client';

interface BapEnvironment {
  name: string;
  location?: string;
  properties?: {
    displayName?: string;
    environmentSku?: string;
    azureRegion?: string;
    linkedEnvironmentMetadata?: { instanceUrl?: string };
  };
}

const SKUS: readonly string[] = ['Production', 'Sandbox', 'Trial', 'Developer', 'Default'] satisfies EnvironmentSku[];

export interface ListOptions {
  rest: RestClient;
  /** The cloud's BAP endpoint. */
  base: string;
  tenantId: string;
  seenAt: string;
  signal: AbortSignal;
}

export async function listEnvironments(o: ListOptions, scope: 'admin' | 'maker'): Promise<EnvironmentFact[]> {
  const url =
    scope === 'admin'
      ? `${o.base}/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01`
      : `${o.base}/providers/Microsoft.BusinessAppPlatform/environments?api-version=2020-10-01`;
  // An environment without its name (its id) cannot be stored: skipped and logged as not what BAP lists.
  const items = await o.rest.all(url, undefined, { signal: o.signal, isItem: withId<BapEnvironment>('name') });
  return items.map((e) => {
    const p = e.properties ?? {};
    const dataverse = p.linkedEnvironmentMetadata;
    const sku = p.environmentSku && SKUS.includes(p.environmentSku) ? (p.environmentSku as EnvironmentSku) : null;
    return {
      tenantId: o.tenantId,
      environmentId: e.name,
      displayName: p.displayName ?? e.name,
      sku,
      region: p.azureRegion ?? e.location ?? null,
      dataverseUrl: dataverse?.instanceUrl ? dataverse.instanceUrl.replace(/\/+$/, '') : null,
      // No recorded BAP answer carries a Customer Insights sign (fixtures/powerplatform/bap-admin-environments*.json): the detector asks.
      customerInsights: dataverse?.instanceUrl ? null : false,
      customerInsightsReason: null,
      seenAt: o.seenAt,
    };
  });
}
