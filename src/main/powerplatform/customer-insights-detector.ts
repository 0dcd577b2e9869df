/** Tells which Dataverse environments have Customer Insights: by their installed application packages, else their Dataverse solutions, else unknown with the reason. */
import { dataverseOrigin, type CloudProfile } from '../../shared/cloud-profile';
import type { EnvironmentFact } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { identityLabelOf, identityRefOf, type TenantIdentity } from '../domain/identity';
import type { ClientRegistry } from '../http/client-registry';
import type { CollectContext } from '../sync/collector';
import { listInstalledPackages } from './app-management-api';
import { listSolutionNames } from './dataverse-api';

/**
 * Customer Insights' own package and solution names: `msdyn_CustomerInsightsAnchor` ("Dynamics 365 Customer Insights - Standalone") and
 * the `msdynci_` realtime packages (microsoft/terraform-provider-power-platform, recorded tenant application packages); its solutions
 * `msdyn_CustomerInsightsAnchor`, `msdyn_CustomerInsights`, `msdyn_CustomerInsightsDataTables` (MicrosoftDocs/customer-insights, ci-docs:
 * "Uninstall the following Customer Insights solutions").
 */
const CUSTOMER_INSIGHTS_NAMES = new Set(['msdyn_customerinsightsanchor', 'msdyn_customerinsights', 'msdyn_customerinsightsdatatables']);
const isCustomerInsights = (uniqueName: string) => CUSTOMER_INSIGHTS_NAMES.has(uniqueName.toLowerCase()) || uniqueName.toLowerCase().startsWith('msdynci_');

type Answer = { names: string[] } | { why: string };

export interface CustomerInsightsDetectorDeps {
  clients: Pick<ClientRegistry, 'rest'>;
  cloud: CloudProfile;
}

export class CustomerInsightsDetector {
  readonly #deps: CustomerInsightsDetectorDeps;

  constructor(deps: CustomerInsightsDetectorDeps) {
    this.#deps = deps;
  }

  /** The environments with `customerInsights` and its reason set; one without Dataverse has no Customer Insights. */
  async detect(ctx: CollectContext, environments: readonly EnvironmentFact[]): Promise<EnvironmentFact[]> {
    const out: EnvironmentFact[] = [];
    for (const environment of environments) {
      out.push(environment.dataverseUrl ? { ...environment, ...(await this.#one(ctx, environment, environment.dataverseUrl)) } : { ...environment, customerInsights: false, customerInsightsReason: null });
    }
    return out;
  }

  async #one(ctx: CollectContext, environment: EnvironmentFact, instanceUrl: string): Promise<Pick<EnvironmentFact, 'customerInsights' | 'customerInsightsReason'>> {
    const { cloud, clients } = this.#deps;
    const packages = await firstAnswer(ctx, (account) =>
      listInstalledPackages({ rest: clients.rest(ctx.tenantId, identityRefOf(account), cloud.scopes.powerPlatformApi, ctx.label), base: cloud.endpoints.powerPlatformApi, environmentId: environment.environmentId, signal: ctx.signal }),
    );
    if ('names' in packages) {
      const found = packages.names.find(isCustomerInsights);
      return found
        ? { customerInsights: true, customerInsightsReason: `Customer Insights is installed (package ${found}, Power Platform API).` }
        : { customerInsights: false, customerInsightsReason: 'No Customer Insights package is installed (Power Platform API).' };
    }
    const origin = dataverseOrigin(cloud, instanceUrl);
    const solutions: Answer = origin
      ? await firstAnswer(ctx, (account) => listSolutionNames({ rest: clients.rest(ctx.tenantId, identityRefOf(account), `${origin}/.default`, ctx.label), instanceUrl: origin, signal: ctx.signal }))
      : { why: `its Dataverse host ${hostOf(instanceUrl)} is not one of ${cloud.label}'s Dataverse hosts, so PAL Desk sends it no token` };
    if ('names' in solutions) {
      const found = solutions.names.find(isCustomerInsights);
      const via = 'read from Dataverse solutions, as the Power Platform API did not answer our accounts';
      return found
        ? { customerInsights: true, customerInsightsReason: `Customer Insights is installed (solution ${found}, ${via}).` }
        : { customerInsights: false, customerInsightsReason: `No Customer Insights solution is installed (${via}).` };
    }
    return {
      customerInsights: null,
      customerInsightsReason:
        `Whether ${environment.displayName} has Customer Insights could not be read: the Power Platform API did not answer (${packages.why}) and neither did Dataverse (${solutions.why}). ` +
        `Sync with a Power Platform admin or a user of ${environment.displayName}.`,
    };
  }
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * The first of our accounts that the API answers, or why none did. A refusal or a sign-in need moves on to the next account; any other
 * failure (throttled, unavailable) is a reason too, so that a Customer Insights look-up never fails the environments it belongs to.
 */
async function firstAnswer(ctx: CollectContext, read: (account: TenantIdentity) => Promise<string[]>): Promise<Answer> {
  const whys: string[] = [];
  for (const account of ctx.accounts) {
    try {
      return { names: await read(account) };
    } catch (error) {
      if (!(error instanceof AppFailure) || ctx.signal.aborted) throw error;
      whys.push(`${identityLabelOf(account)}: ${error.message}`);
    }
  }
  return { why: whys.join('; ') || 'no account of ours is signed in' };
}
