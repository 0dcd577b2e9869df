/** The partner's accounts (users, guests, service principals) and what PAL Desk knows of each in a customer tenant. */
import type { SignInState } from '../../shared/view-types';

/** Which account to use for a call (never a token): a user by its MSAL home account id, a service principal by client id. */
export interface IdentityRef {
  kind: 'user' | 'service-principal';
  /** homeAccountId for a user, client id for a service principal. */
  id: string;
}

/** A partner account as PAL Desk records it: never a token or secret. */
export interface IdentityRecord {
  identityId: string;
  kind: 'user' | 'service-principal';
  homeAccountId: string | null;
  clientId: string | null;
  username: string | null;
  displayName: string | null;
}

/** The account a sign-in produced in one tenant, with its object id there. */
export interface SignedIn extends IdentityRecord {
  tenantId: string;
  objectId: string | null;
}

/** One of our accounts in one customer tenant: its object id there, sign-in state, and whether it is the tenant's default. */
export interface TenantIdentity extends IdentityRecord {
  tenantId: string;
  objectId: string | null;
  signIn: SignInState;
  lastError: { code: string; message: string } | null;
  isDefault: boolean;
}

export const identityRefOf = (identity: IdentityRecord): IdentityRef =>
  identity.kind === 'user'
    ? { kind: 'user', id: identity.homeAccountId ?? identity.identityId }
    : { kind: 'service-principal', id: identity.clientId ?? '' };

/** How an account is named in messages and the audit log: its UPN, or a service principal's client id. */
export const identityLabelOf = (identity: IdentityRecord): string => identity.username ?? identity.clientId ?? identity.identityId;
