/** A partner-link change kept for later (offline, throttled) and replayed with the same checks as a click. */

export interface QueuedAction {
  id: string;
  tenantId: string;
  /** The account whose link changes. */
  identityId: string;
  kind: 'link' | 'unlink';
  partnerId: string;
  confirmReplaceOf: string | null;
}
