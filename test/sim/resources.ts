/**
 * The Microsoft APIs (resources) the simulated Entra ID issues tokens for: each one's application id, name, audiences and the
 * delegated permissions a user's token for it carries (`scp`). Application ids: ARM and Dynamics CRM are Entra's well-known
 * first-party apps; PowerApps Service 475226c6-…, Flow Service 7df0a125-… (the `service.flow.microsoft.com` service principal,
 * zenn.dev/karamem0 "Power Automate の承認ワークフローを API から取得する"), Power BI Service 00000009-…, Power Platform API
 * 8578e004-… (microsoft/terraform-provider-power-platform guide "Creating an App Registration"). Delegated permissions: ARM and
 * Dynamics CRM `user_impersonation`, PowerApps Service `User` (the same guide; PnP PowerShell `Get-PnPFlow` "Required
 * Permissions"), Flow Service `User`, Power BI `Tenant.Read.All`/`Workspace.Read.All`/`Dataset.Read.All` (Learn, "Register an
 * app" for Power BI), Power Platform API `AppManagement.ApplicationPackages.Read` (Learn, "Power Platform API permission reference").
 */
import type { SimResourceKey } from './scenario';

export interface SimResource {
  key: SimResourceKey;
  /** The resource's application id, as AADSTS65002 names it. */
  appId: string;
  displayName: string;
  /** Delegated permissions a user's token carries as `scp` (space-separated in the token). */
  scp: string[];
}

const RESOURCES: Record<SimResourceKey, SimResource> = {
  arm: { key: 'arm', appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', displayName: 'Windows Azure Service Management API', scp: ['user_impersonation'] },
  powerApps: { key: 'powerApps', appId: '475226c6-020e-4fb2-8a90-7a972cbfc1d4', displayName: 'PowerApps Service', scp: ['User'] },
  flow: { key: 'flow', appId: '7df0a125-d3be-4c96-aa54-591f83ff541c', displayName: 'Microsoft Flow Service', scp: ['User'] },
  powerBi: { key: 'powerBi', appId: '00000009-0000-0000-c000-000000000000', displayName: 'Power BI Service', scp: ['Dataset.Read.All', 'Tenant.Read.All', 'Workspace.Read.All'] },
  dataverse: { key: 'dataverse', appId: '00000007-0000-0000-c000-000000000000', displayName: 'Dynamics CRM', scp: ['user_impersonation'] },
  powerPlatformApi: { key: 'powerPlatformApi', appId: '8578e004-a5c6-46e7-913e-12f58912df43', displayName: 'Power Platform API', scp: ['AppManagement.ApplicationPackages.Read'] },
};

/** The commercial cloud's audiences of each resource (the sim serves the commercial audiences on its loopback origins). */
const AUDIENCES: [string, SimResourceKey][] = [
  ['https://management.azure.com', 'arm'],
  ['https://management.core.windows.net', 'arm'],
  ['https://service.powerapps.com', 'powerApps'],
  ['https://service.flow.microsoft.com', 'flow'],
  ['https://analysis.windows.net/powerbi/api', 'powerBi'],
  ['https://api.powerplatform.com', 'powerPlatformApi'],
];

/** The resource a token audience belongs to; a Dataverse instance's own URL is Dynamics CRM's; null for an audience Entra would not know. */
export function resourceOf(audience: string, isDataverseInstance: (audience: string) => boolean): SimResource | null {
  const aud = audience.replace(/\/+$/, '');
  const key = AUDIENCES.find(([a]) => a === aud)?.[1] ?? (isDataverseInstance(aud) ? 'dataverse' : null);
  return key ? RESOURCES[key] : null;
}
