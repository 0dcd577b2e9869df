/** Partner Admin Link DTOs shared by main and renderer. */
import type { AppError } from './result';

/** One link as ARM reports it for the signed-in identity (times as ISO strings). */
export interface PartnerLinkState {
  partnerId: string;
  partnerName: string | null;
  objectId: string | null;
  tenantId: string | null;
  state: string | null;
  etag: number | null;
  createdTime: string | null;
  updatedTime: string | null;
}

/** Outcome of a link request. */
export type LinkOutcome =
  | { kind: 'linked'; partnerId: string; readBack: PartnerLinkState }
  | { kind: 'already-linked'; partnerId: string; readBack: PartnerLinkState }
  | { kind: 'replaced'; previousPartnerId: string; partnerId: string; readBack: PartnerLinkState }
  | { kind: 'needs-confirmation'; otherPartnerId: string; otherPartnerName: string | null }
  | { kind: 'queued'; actionId: string; retryAt?: string };

/** Outcome of an unlink request. */
export type UnlinkOutcome =
  | { kind: 'unlinked'; previousPartnerId: string }
  | { kind: 'not-linked' }
  | { kind: 'needs-confirmation'; otherPartnerId: string; otherPartnerName: string | null }
  | { kind: 'queued'; actionId: string; retryAt?: string };

/** What happened to one account when its tenant was linked: an outcome, or the failure a person can act on. */
export type AccountLinkResult =
  | { identityId: string; account: string; outcome: LinkOutcome }
  | { identityId: string; account: string; error: AppError };

/** Linking a tenant links each of our accounts there (each is attributed separately). */
export interface TenantLinkResult {
  tenantId: string;
  accounts: AccountLinkResult[];
  /** Set in a cloud where Microsoft does not document the Partner Admin Link API: that sentence, shown with the result. */
  note?: string;
}
