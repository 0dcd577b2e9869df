/** Simulated Power Platform API app management: the application packages of an environment, installed or not (Customer Insights among them). */
import { json, type SimReply, type SimRequest } from '../http-kit';
import { ppError, type PowerPlatformContext } from './pp-context';

/** Token audience of the Power Platform API (Microsoft Learn, REST reference: `resource=https://api.powerplatform.com`). */
export const POWER_PLATFORM_API_AUDIENCE = 'https://api.powerplatform.com';

/** The api-version Microsoft's own clients send (microsoft/terraform-provider-power-platform `constants.APPLICATION_API_VERSION`). */
const API_VERSION = '2022-03-01-preview';

/**
 * Packages of the catalogue, in the shape of microsoft/terraform-provider-power-platform's recorded
 * `tests/datasource/environment_application_packages/Validate_Read/get_applications.json` (a package not installed has state "None").
 */
const CATALOGUE = [
  { uniqueName: 'MicrosoftFormsPro', applicationName: 'Dynamics 365 Customer Voice', applicationId: '4bbd5362-21f6-47a8-bcd9-e2a75e8242ef', version: '2.0.0.45' },
  // Customer Insights' anchor package and a realtime part (names and ids from the same provider's get_tenant_applications.json; versions made up).
  { uniqueName: 'msdyn_CustomerInsightsAnchor', applicationName: 'Dynamics 365 Customer Insights - Standalone', applicationId: '98347d55-d6b2-4608-83c4-2cb2a940487d', version: '1.0.3.38' },
  { uniqueName: 'msdynci_CIRealtimeIngestion', applicationName: 'Dynamics 365 Customer Insights Realtime Ingestion (preview)', applicationId: '01582d88-f34c-4023-a742-3d2e0dd1581c', version: '1.0.0.12' },
];
const CUSTOMER_INSIGHTS_PACKAGES = new Set(['msdyn_CustomerInsightsAnchor', 'msdynci_CIRealtimeIngestion']);

export class AppManagementService {
  readonly #pp: PowerPlatformContext;

  constructor(pp: PowerPlatformContext) {
    this.#pp = pp;
  }

  handle(req: SimRequest): SimReply | null {
    const pp = this.#pp;
    const match = /^\/appmanagement\/environments\/([^/]+)\/applicationPackages$/.exec(req.url.pathname);
    if (!match || req.method !== 'GET') return null;
    // Microsoft Learn, "Applications - Get Environment Application Package": api-version is required.
    if (req.url.searchParams.get('api-version') !== API_VERSION) return ppError(400, 'InvalidApiVersion', `The api-version '${req.url.searchParams.get('api-version') ?? ''}' is not supported.`);
    return pp.as(req, POWER_PLATFORM_API_AUDIENCE, (c) =>
      // The Power Platform API's admin operations answer Power Platform admins and registered management apps (Microsoft Learn,
      // "Authentication (Power Platform API)"); anyone else gets 403.
      // Tenant-level admins only: whether an environment admin may read them is not documented.
      pp.ppAdmin(c, undefined, () =>
        pp.inEnv(c, match[1], () => {
          const env = pp.environment(match[1]);
          // microsoft/terraform-provider-power-platform refuses an environment without Dataverse ("No Dataverse exists in environment").
          if (!env?.dataverse) return ppError(400, 'NoDataverse', `No Dataverse exists in environment '${match[1]}'.`);
          const installed = env.dataverse.customerInsights;
          const packages = CATALOGUE.map((p) => ({
            id: p.applicationId,
            ...p,
            localizedName: p.applicationName,
            publisherName: 'Microsoft Dynamics 365',
            publisherId: '7ea093b9-252b-4557-a8ae-ad4c1932a412',
            // "Installed" is the value the appInstallState filter names (Learn: NotInstalled, Installed, All).
            state: installed && CUSTOMER_INSIGHTS_PACKAGES.has(p.uniqueName) ? 'Installed' : 'None',
            instancePackageId: null,
            applicationVisibility: 'All',
            catalogVisibility: 'None',
            errorDetails: null,
          }));
          const filter = req.url.searchParams.get('appInstallState');
          const listed = filter === 'Installed' ? packages.filter((p) => p.state === 'Installed') : filter === 'NotInstalled' ? packages.filter((p) => p.state !== 'Installed') : packages;
          return json(200, { value: listed });
        }),
      ),
    );
  }
}
