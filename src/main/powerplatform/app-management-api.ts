/** The Power Platform API's application packages installed in an environment (unique names), e.g. Customer Insights' anchor package. */
import type { RestClient } from '../http/rest-client';

interface ApplicationPackage {
  uniqueName?: string;
  state?: string;
}

/**
 * `GET {powerPlatformApi}/appmanagement/environments/{env}/applicationPackages?appInstallState=Installed&api-version=2022-03-01-preview`
 * (Microsoft Learn, "Applications - Get Environment Application Package"; the api-version microsoft/terraform-provider-power-platform sends).
 * Without the filter the list is the whole catalogue, a package not installed carrying state "None" (the provider's recorded answer), so the
 * state is checked as well.
 */
export async function listInstalledPackages(o: { rest: RestClient; base: string; environmentId: string; signal: AbortSignal }): Promise<string[]> {
  const url = `${o.base}/appmanagement/environments/${encodeURIComponent(o.environmentId)}/applicationPackages?appInstallState=Installed&api-version=2022-03-01-preview`;
  const packages = await o.rest.all<ApplicationPackage>(url, undefined, { signal: o.signal });
  return packages.flatMap((p) => (p.uniqueName && p.state === 'Installed' ? [p.uniqueName] : []));
}
