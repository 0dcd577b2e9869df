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
}

export interface SimPartnerLink {
  tenantId: string;
  objectId: string;
  partnerId: string;
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
}

/** A stable GUID from a small number, so scenarios read well in tests. */
export const guid = (prefix: string, n: number): string => {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-${hex}`;
};
