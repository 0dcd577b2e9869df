/** What the renderer shows: view models built in main from the inventory (no tokens, no secrets, times as ISO strings). */

export type SignInState = 'signed-in' | 'needs-sign-in' | 'error' | 'signed-out';

export type PalStatus = 'linked' | 'not-linked' | 'other-partner' | 'pending' | 'unknown';

/** What Azure last said about one account's partner link. */
export interface AccountLinkView {
  status: Exclude<PalStatus, 'pending'>;
  partnerId: string | null;
  partnerName: string | null;
  /** When PAL Desk last read this account's link from Azure (null = never). */
  seenAt: string | null;
}

/** One of our accounts in a customer tenant (a user, a guest or a service principal), each attributed and linked separately. */
export interface AccountView {
  /** PAL Desk's id of the account (stable across tenants). */
  identityId: string;
  kind: 'user' | 'service-principal';
  /** UPN of a user, or the application (client) id of a service principal. */
  username: string | null;
  displayName: string | null;
  /** The object id of this account in the customer tenant (what the partner link is attached to). */
  objectId: string | null;
  signIn: SignInState;
  lastError: { code: string; message: string } | null;
  /** The account used for actions in this tenant when none is named. */
  isDefault: boolean;
  pal: AccountLinkView;
}

/** A fact a collector could not refresh: the last known one is kept and shown with its age. */
export interface StaleFact {
  /** The collector, e.g. 'partner-links'. */
  collector: string;
  code: string;
  message: string;
  /** When the collector last failed. */
  failedAt: string;
  /** When it last succeeded (null = never). */
  succeededAt: string | null;
  /** Its service asked PAL Desk to wait: no sync calls it before this time (null = the next sync reads it again). */
  readAgainAt: string | null;
}

export interface TenantView {
  tenantId: string;
  /** The directory's own name, or the domain until the first sign-in. */
  displayName: string;
  /** The consultant's local label, if renamed. */
  label: string | null;
  defaultDomain: string | null;
  /** The cloud the tenant was added in (`public`, `gcc`, …); a tenant of another cloud than the running one is not synced or linked. */
  cloudId: string;
  archived: boolean;
  /** Our accounts in this tenant, the default first. */
  accounts: AccountView[];
  /** The tenant's partner-link status: the worst of its accounts ("1 of 2 accounts linked"). */
  pal: {
    status: Exclude<PalStatus, 'pending'>;
    /** The partner ID behind that status (another partner's when status is other-partner), or null. */
    partnerId: string | null;
    partnerName: string | null;
    /** The oldest read among the accounts (null when one was never read). */
    seenAt: string | null;
    linkedAccounts: number;
    totalAccounts: number;
  };
  lastSyncedAt: string | null;
  pendingActions: number;
  /** Facts the last sync could not refresh, with the reason. */
  stale: StaleFact[];
}

export interface PendingActionView {
  id: string;
  tenantId: string;
  /** The account whose link changes (null = the tenant's default account). */
  identityId: string | null;
  kind: 'link' | 'unlink';
  partnerId: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'needs-confirmation';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** Azure asked to wait: the action is not sent before this time (null = as soon as Azure is reachable). */
  notBefore: string | null;
}

export interface AuditEntryView {
  id: number;
  at: string;
  tenantId: string;
  tenantName: string | null;
  identity: string | null;
  action: string;
  before: string | null;
  after: string | null;
  outcome: string;
  requestId: string | null;
  message: string | null;
}

export interface DiscoveredTenantView {
  tenantId: string;
  displayName: string | null;
  defaultDomain: string | null;
  category: string | null;
  tracked: boolean;
}
