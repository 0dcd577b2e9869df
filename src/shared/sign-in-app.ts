/**
 * The sign-in application PAL Desk uses: the default (Azure CLI's first-party client) or a partner's own multi-tenant app
 * registration, what to register, which delegated API permissions it needs, and each customer's admin-consent link.
 * Permission names: Azure Service Management and Dynamics CRM `user_impersonation`, PowerApps Service `User`, Power Platform API
 * `AppManagement.ApplicationPackages.Read` (microsoft/terraform-provider-power-platform, guide "Creating an App Registration";
 * PnP PowerShell `Get-PnPFlow` "Required Permissions"; Microsoft Learn "Power Platform API permission reference"), Flow Service
 * `User` or `Flows.Read.All`, Power BI Service `Tenant.Read.All`, `Workspace.Read.All`, `Dataset.Read.All` (Microsoft Learn,
 * Power BI "Register an app"; `Tenant.Read.All` is what the admin APIs need).
 */
import type { CloudProfile } from './cloud-profile';

/** Azure CLI's well-known multi-tenant public client, a Microsoft first-party app; a partner's own app replaces it (Settings or PAL_DESK_CLIENT_ID). */
export const DEFAULT_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export interface ApiPermission {
  /** The API as the Entra portal lists it under "APIs my organization uses". */
  api: string;
  /** The API's application id, to find it in the portal. */
  appId: string;
  /** Delegated permissions to add ("or" alternatives are joined in one entry). */
  permissions: string[];
  /** What PAL Desk reads with it. */
  usedFor: string;
}

export const API_PERMISSIONS: readonly ApiPermission[] = [
  { api: 'Azure Service Management', appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', permissions: ['user_impersonation'], usedFor: 'directories and Partner Admin Link' },
  { api: 'PowerApps Service', appId: '475226c6-020e-4fb2-8a90-7a972cbfc1d4', permissions: ['User'], usedFor: 'environments and apps' },
  { api: 'Microsoft Flow Service', appId: '7df0a125-d3be-4c96-aa54-591f83ff541c', permissions: ['User or Flows.Read.All'], usedFor: 'flows' },
  { api: 'Power BI Service', appId: '00000009-0000-0000-c000-000000000000', permissions: ['Tenant.Read.All', 'Workspace.Read.All', 'Dataset.Read.All'], usedFor: 'workspaces and datasets' },
  { api: 'Dynamics CRM', appId: '00000007-0000-0000-c000-000000000000', permissions: ['user_impersonation'], usedFor: 'Dataverse users, apps and solutions' },
  { api: 'Power Platform API', appId: '8578e004-a5c6-46e7-913e-12f58912df43', permissions: ['AppManagement.ApplicationPackages.Read'], usedFor: 'installed application packages (Customer Insights)' },
];

/** How to register the app, one step a line (the Settings page, the first-run page and `pal-desk settings client-id` say the same). */
export const REGISTRATION_STEPS: readonly string[] = [
  'In your own tenant, open Microsoft Entra ID → App registrations → New registration.',
  'Supported account types: "Accounts in any organizational directory" (multi-tenant).',
  'Redirect URI: platform "Mobile and desktop applications" (public client), http://localhost.',
  'API permissions: add the delegated permissions below (no client secret is needed).',
  "Save its Application (client) ID in PAL Desk (Settings → Sign-in application, or `pal-desk settings client-id <id>`), restart PAL Desk, and send each customer's admin their admin-consent link.",
];

/** Whether PAL Desk signs in with the default first-party client (an admin-consent link cannot change what it may call). */
export const isDefaultClient = (clientId: string): boolean => clientId.toLowerCase() === DEFAULT_CLIENT_ID;

/** The link a customer's admin opens to consent to the app for the whole tenant (Entra's v1 admin-consent endpoint). */
export const adminConsentUrl = (authorityHost: string, tenantId: string, clientId: string): string =>
  `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;

/** The service a token scope is for, in words ("Power BI"); a Dataverse instance's own scope reads "Dataverse". */
export function serviceOfScope(cloud: Pick<CloudProfile, 'scopes'>, scope: string): string {
  const names: [string, string][] = [
    [cloud.scopes.arm, 'Azure Resource Manager'],
    [cloud.scopes.powerApps, 'Power Apps'],
    [cloud.scopes.flow, 'Power Automate'],
    [cloud.scopes.powerBi, 'Power BI'],
    [cloud.scopes.powerPlatformApi, 'the Power Platform API'],
  ];
  return names.find(([s]) => s === scope)?.[1] ?? 'Dataverse';
}
