/** A partner-link change kept for later (offline, throttled) and replayed with the same checks as a click. */

export interface QueuedAction {
  id: string;
  tenantId: string;
  /** The account whose link changes (null: the tenant's default account, for actions queued before accounts were tracked per tenant). */
  identityId: string | null;
  kind: 'link' | 'unlink';
  partnerId: string;
  confirmReplaceOf: string | null;
}
