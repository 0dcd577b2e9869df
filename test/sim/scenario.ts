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
  /** Application permissions granted to the app, by resource (its tokens for that resource carry them as `roles`). */
  appRoles?: Partial<Record<SimResourceKey, string[]>>;
}

/** The Microsoft APIs PAL Desk asks tokens for, as Entra knows them (resources.ts). */
export type SimResourceKey = 'arm' | 'powerApps' | 'flow' | 'powerBi' | 'dataverse' | 'powerPlatformApi';

/** A public client (application) other than `publicClientId`, or that one with more said about it. */
export interface SimClientApp {
  clientId: string;
  /** Its name, as access tokens carry it (`app_displayname`). */
  displayName: string;
  /** A Microsoft first-party app (such as Azure CLI's): it gets tokens only for resources that preauthorized it. */
  firstParty?: boolean;
  /** Tenants where the app has a service principal (its home tenant, or an admin consented to it there); absent = every tenant. */
  tenantIds?: string[];
  /** A multi-tenant registration: in a tenant not in `tenantIds`, sign-in needs consent (AADSTS65001) instead of failing with AADSTS700016. */
  multiTenant?: boolean;
  /** Resources that refuse this first-party client tokens: AADSTS65002 (the resource never preauthorized it). */
  refusedResources?: SimResourceKey[];
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
  /**
   * A Dataverse environment has an instance URL and lists its users there (systemusers). Customer Insights installed shows as
   * its application package (Power Platform API) and its solutions (Dataverse `solutions`), never in BAP's environment.
   */
  dataverse?: { customerInsights: boolean; enabledUserObjectIds: string[]; disabledUserObjectIds?: string[]; otherUsers?: SimSystemUser[] };
  /** Users who see the environment in the maker (non-admin) list; absent = every user of the tenant (like the default environment). */
  makerObjectIds?: string[];
  /** Environment admins (not tenant admins): the BAP admin list returns this environment to them, and the Power Apps and Flow admin routes of this environment answer them. */
  environmentAdminObjectIds?: string[];
}

/** A system user beyond the plain enabled and disabled ones: an application user, a non-interactive or soft-deleted user. */
export interface SimSystemUser {
  objectId: string;
  /** An application user: the app's client id (`applicationid`); a service principal reads the instance only as one. */
  applicationId?: string;
  /** `accessmode`: 0 read-write (default), 1 administrative, 2 read, 3 support user, 4 non-interactive, 5 delegated admin. */
  accessMode?: 0 | 1 | 2 | 3 | 4 | 5;
  disabled?: boolean;
  /** Soft-deleted in Dataverse (`deletedstate` 1). */
  deleted?: boolean;
}

export interface SimApp {
  environmentId: string;
  appId: string;
  displayName: string;
  ownerObjectId: string;
  /** Objects with CanEdit (co-owners) and CanView. */
  coOwnerObjectIds: string[];
  viewerObjectIds: string[];
  /**
   * Canvas unless said. A model-driven app is a Dataverse `appmodules` row, not in the Power Apps lists, and its owner is the
   * account that created (imported) it, often SYSTEM; a custom page is listed there as `CustomCanvasPage`, a part of a model-driven app.
   */
  appType?: 'canvas' | 'model-driven' | 'custom-page';
  /** Delivered in a solution: almMode "Solution" in the Power Apps list, and (model-driven) a component of a solution in Dataverse. */
  solution?: boolean;
  /** Security groups the app is shared with as co-owners (CanEdit), named by their display name. */
  coOwnerGroups?: { objectId: string; displayName: string }[];
}

export interface SimFlow {
  environmentId: string;
  flowId: string;
  displayName: string;
  creatorObjectId: string;
  state: 'Started' | 'Stopped' | 'Suspended';
  /** Co-owners (CanEdit in the flow's permissions), who see the flow in their maker list too. */
  coOwnerObjectIds?: string[];
  /** A component of a solution other than Dataverse's Default and Active ones (every flow of a Dataverse environment carries a workflowEntityId). */
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
  /** Calls per tenant and minute the Power BI admin datasets API allows (default 5). */
  adminDatasetsPerMinute?: number;
  /** Calls per tenant and hour the Power BI admin groups API allows (default 50). */
  adminGroupsPerHour?: number;
  /** Calls per tenant and minute the Power BI admin groups API allows (default 15). */
  adminGroupsPerMinute?: number;
  /** Customer users and other partners' consultants the Power Platform names as principals, by object id (our users are named by their UPN). */
  people?: Record<string, { displayName: string; email: string }>;
}

export interface Scenario {
  name: string;
  /** The public client id PAL Desk signs in with (known in every tenant); any client id neither this one nor in `clientApps` is "app not found". */
  publicClientId: string;
  /** More public clients, or more about `publicClientId` (its name, resources that refuse it). */
  clientApps?: SimClientApp[];
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
