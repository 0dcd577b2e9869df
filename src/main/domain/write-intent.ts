/** A partner-link write PAL Desk is about to send (write-ahead): recorded before it leaves, settled once its outcome is known. */
import type { AuditRecord } from './audit';

export interface WriteIntent {
  intentId: string;
  tenantId: string;
  identityId: string;
  /** The account's label, as the audit log shows it. */
  identity: string | null;
  action: AuditRecord['action'];
  /** The partner ID linked before the write (null = none). */
  before: string | null;
  /** The partner ID the write asks for (null = no link, for an unlink). */
  requested: string | null;
  /** The queued action this write belongs to, if any (completed when the write is confirmed). */
  actionId: string | null;
}
