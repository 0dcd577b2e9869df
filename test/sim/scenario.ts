/** Simulated-cloud scenarios as data: tenants, users and their guest memberships, service principals, partner links. */

export interface SimTenant {
  tenantId: string;
  displayName: string;
  domains: string[];
  defaultDomain: string;
  countryCode?: string;
}

export interface SimMembership {
  tenantId: string;
  /** The user's object id in this tenant (a guest has a different one in every tenant). */
  objectId: string;
  /** Sign-in to this tenant needs MFA (silent token requests get a claims challenge). */
  mfaRequired?: boolean;
  /** A Conditional Access policy blocks this sign-in. */
  caBlocked?: boolean;
  /** Nobody consented to PAL Desk's app in this tenant. */
  consentMissing?: boolean;
  /** Holds the Power Platform admin role here: BAP, Power Apps and Flow admin scopes answer, and every Dataverse instance. */
  powerPlatformAdmin?: boolean;
  /** Holds the Fabric (Power BI) admin role here: the Power BI admin APIs answer. */
  powerBiAdmin?: boolean;
}

export interface SimUser {
  username: string;
  displayName: string;
  homeTenantId: string;
  /** Home object id (uid of client_info). */
  objectId: string;
  memberships: SimMembership[];
}

export interface SimServicePrincipal {
  tenantId: string;
  clientId: string;
  secret: string;
  objectId: string;
  displayName: string;
  /** A Power Platform admin registered the app (New-PowerAppManagementApp): BAP, Power Apps and Flow admin scopes answer it; without it they answer 403. */
  powerPlatformAdmin?: boolean;
  /** The tenant lets service principals use the read-only Power BI admin APIs. */
  powerBiAdmin?: boolean;
}

export interface SimPartnerLink {
  tenantId: string;
  objectId: string;
  partnerId: string;
}

export type EnvironmentSku = 'Production' | 'Sandbox' | 'Trial' | 'Developer' | 'Default';

export interface SimEnvironment {
  tenantId: string;
  environmentId: string;
  displayName: string;
  sku: EnvironmentSku;
  region: string;
  /** A Dataverse environment has an instance URL; a Customer Insights one lists its users there (systemusers). */
  dataverse?: { customerInsights: boolean; enabledUserObjectIds: string[]; disabledUserObjectIds?: string[] };
  /** Users who see the environment in the maker (non-admin) list; absent = every user of the tenant (like the default environment). */
  makerObjectIds?: string[];
}

export interface SimApp {
  environmentId: string;
  appId: string;
  displayName: string;
  ownerObjectId: string;
  /** Objects with CanEdit (co-owners) and CanView. */
  coOwnerObjectIds: string[];
  viewerObjectIds: string[];
  /** Canvas unless said (a model-driven app's owner is often SYSTEM). */
  appType?: 'canvas' | 'model-driven';
  /** Delivered in a solution (almMode "Solution"). */
  solution?: boolean;
}

export interface SimFlow {
  environmentId: string;
  flowId: string;
  displayName: string;
  creatorObjectId: string;
  state: 'Started' | 'Stopped' | 'Suspended';
  /** Co-owners, who see the flow in their maker list too. */
  coOwnerObjectIds?: string[];
  /** A solution-aware cloud flow (it carries a workflowEntityId). */
  solution?: boolean;
}

export interface SimWorkspace {
  tenantId: string;
  groupId: string;
  name: string;
  datasets: { id: string; name: string; configuredBy: string }[];
  /** Members who see the workspace in `groups`; absent = every user of the tenant. */
  memberObjectIds?: string[];
}

export interface PowerPlatformData {
  environments: SimEnvironment[];
  apps: SimApp[];
  flows: SimFlow[];
  workspaces: SimWorkspace[];
  /** Calls per tenant and hour the Power BI admin datasets API allows (default 50). */
  adminDatasetsPerHour?: number;
  /** Customer users and other partners' consultants the Power Platform names as principals, by object id (our users are named by their UPN). */
  people?: Record<string, { displayName: string; email: string }>;
}

export interface Scenario {
  name: string;
  /** The public client id PAL Desk signs in with; any other client id is "app not found". */
  publicClientId: string;
  tenants: SimTenant[];
  users: SimUser[];
  servicePrincipals: SimServicePrincipal[];
  partnerLinks: SimPartnerLink[];
  /** Partner names Azure reports per partner ID. */
  partnerNames: Record<string, string>;
  /** Power Platform environments and resources (empty when absent). */
  powerPlatform?: PowerPlatformData;
  /**
   * 'absent': this ARM cloud does not serve Microsoft.ManagementPartner (whether the US Government and China clouds do is not
   * documented), so every call to it answers as ARM does for a provider it does not serve. Default: served.
   */
  managementPartnerProvider?: 'served' | 'absent';
}

/** A stable GUID from a small number, so scenarios read well in tests. */
export const guid = (prefix: string, n: number): string => {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-${hex}`;
};
