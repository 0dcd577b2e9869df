/** One entry of the append-only audit log: a change PAL Desk made (or found unnecessary) in a customer tenant. */

export interface AuditRecord {
  tenantId: string;
  /** The account's label (UPN or client id) as shown to a person. */
  identity: string | null;
  action: 'link' | 'replace' | 'unlink';
  before: string | null;
  after: string | null;
  outcome: string;
  requestId: string | null;
  message: string | null;
}
