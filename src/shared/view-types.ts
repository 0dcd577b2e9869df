/** What the renderer shows: view models built in main from the inventory (no tokens, no secrets, times as ISO strings). */

export type SignInState = 'signed-in' | 'needs-sign-in' | 'error' | 'signed-out';

export type PalStatus = 'linked' | 'not-linked' | 'other-partner' | 'pending' | 'unknown';

export interface IdentityView {
  kind: 'user' | 'service-principal';
  /** UPN of a user, or the application (client) id of a service principal. */
  username: string | null;
  displayName: string | null;
  /** The object id of this identity in the customer tenant (what the partner link is attached to). */
  objectId: string | null;
  signIn: SignInState;
  lastError: { code: string; message: string } | null;
}

export interface TenantView {
  tenantId: string;
  /** The directory's own name, or the domain until the first sign-in. */
  displayName: string;
  /** The consultant's local label, if renamed. */
  label: string | null;
  defaultDomain: string | null;
  archived: boolean;
  identity: IdentityView | null;
  pal: {
    status: PalStatus;
    partnerId: string | null;
    partnerName: string | null;
    /** When PAL Desk last read the link from Azure. */
    seenAt: string | null;
  };
  lastSyncedAt: string | null;
  pendingActions: number;
}

export interface PendingActionView {
  id: string;
  tenantId: string;
  kind: 'link' | 'unlink';
  partnerId: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'needs-confirmation';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
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
