/** Observations of the Partner Admin Link: what Azure said about one of our accounts in a tenant, and when. */
import type { PartnerLinkState } from '../../shared/pal-types';

export interface LinkObservation {
  tenantId: string;
  identityId: string;
  /** The account's object id in the tenant (what the link is attached to). */
  objectId: string | null;
  /** What ARM returned; null = nothing linked. */
  link: PartnerLinkState | null;
}
