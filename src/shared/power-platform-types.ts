/** Power Platform facts as the inventory keeps them and the attribution rules read them (no tokens, times as ISO strings). */

export type PowerPlatformProduct = 'power-apps' | 'power-automate' | 'power-bi' | 'customer-insights';

export type EnvironmentSku = 'Production' | 'Sandbox' | 'Trial' | 'Developer' | 'Default';

/** How much of a product's resources the inventory covers in a tenant: everything (admin), what one account sees (maker), or nothing. */
export interface InventoryScope {
  tenantId: string;
  product: PowerPlatformProduct | 'environments';
  scope: 'admin' | 'maker' | 'denied';
  /** The account whose view it is (for maker scope: "only what ana@… can see"). */
  identityId: string | null;
  /** Why the scope is narrower than admin, or why it was denied, in words a person can act on. */
  reason: string | null;
  seenAt: string;
}

export interface EnvironmentFact {
  tenantId: string;
  environmentId: string;
  displayName: string;
  /** null when the API did not say. */
  sku: EnvironmentSku | null;
  region: string | null;
  /** The Dataverse instance URL, when the environment has Dataverse. */
  dataverseUrl: string | null;
  /**
   * A Customer Insights environment (its active Dataverse users count for attribution): true or false as its installed application
   * packages or Dataverse solutions say, null when neither could be read.
   */
  customerInsights: boolean | null;
  /** What told it (the package or solution found), or why it is unknown, in words a person can act on; null for an environment without Dataverse. */
  customerInsightsReason: string | null;
  seenAt: string;
}

export interface AppFact {
  tenantId: string;
  environmentId: string;
  appId: string;
  displayName: string;
  /** Canvas apps can have co-owners; model-driven apps often show SYSTEM or the importing account as owner and cannot. */
  appType: 'canvas' | 'model-driven' | null;
  /** Entra object id of the owner in this tenant (null = not given); for a model-driven app (organization-owned in Dataverse), its creator. */
  ownerObjectId: string | null;
  /** Object ids of the users with the CanEdit role (co-owners); null when the permissions could not be read. */
  coOwnerObjectIds: string[] | null;
  /** Security groups with the CanEdit role (co-owners), by object id and display name; null when the permissions could not be read, absent in facts from before groups were read. */
  coOwnerGroups?: { objectId: string; displayName: string | null }[] | null;
  /** Emails of the owner and co-owners as the Power Platform gives them (absent ones left out); null when the permissions could not be read. */
  editorEmails: string[] | null;
  /** Delivered through a solution (almMode "Solution"); null when the API does not say. */
  solutionAware: boolean | null;
  seenAt: string;
}

export interface FlowFact {
  tenantId: string;
  environmentId: string;
  flowId: string;
  displayName: string;
  /** `properties.creator.objectId`: the one account a flow is attributed to (today's owner does not count). */
  creatorObjectId: string | null;
  /** Object ids of today's owners (Owner and CanEdit users of the flow's permissions), read only when the creator is not one of our accounts; null when not read. */
  ownerObjectIds?: string[] | null;
  state: string | null;
  /** A component of a delivered solution in the environment's Dataverse; null when there is no Dataverse, it could not be read, or the flow has no workflow id there. */
  solutionAware: boolean | null;
  seenAt: string;
}

export interface DatasetFact {
  tenantId: string;
  workspaceId: string;
  workspaceName: string;
  datasetId: string;
  name: string;
  /** The publisher's UPN (`configuredBy`); a guest's has the `user_domain#EXT#@tenant.onmicrosoft.com` form. */
  configuredBy: string | null;
  seenAt: string;
}

/**
 * What kind of Dataverse user a system user is, from `deletedstate`/`azurestate`, `isdisabled`, `applicationid` and `accessmode`
 * (0 read-write = interactive, 1 administrative, 2 read, 3 support, 4 non-interactive, 5 delegated admin).
 */
export type DataverseUserKind = 'interactive' | 'administrative' | 'read' | 'support' | 'non-interactive' | 'delegated-admin' | 'application' | 'disabled' | 'deleted';

export interface DataverseUserFact {
  tenantId: string;
  environmentId: string;
  /** `azureactivedirectoryobjectid` of the system user. */
  azureObjectId: string;
  isDisabled: boolean;
  /** null for a user read before PAL Desk told kinds apart. */
  kind: DataverseUserKind | null;
  seenAt: string;
}
