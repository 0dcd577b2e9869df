/** The write-ahead audit invariant: every partner-link write a tenant received has exactly one audit entry. */
import type { AuditEntryView } from '../../../src/shared/view-types';
import type { AppliedWrite } from '../../sim';

/** Audit outcomes that stand for a write the tenant received. */
const WRITE_OUTCOMES = new Set(['linked', 'replaced', 'unlinked', 'read-back-mismatch']);

const count = (keys: string[]) => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
};

/** Writes per tenant as the simulated cloud applied them, and as the audit log records them (they must be equal). */
export function writesAndAudit(writes: AppliedWrite[], audit: AuditEntryView[]) {
  return {
    received: count(writes.map((w) => `${w.tenantId} ${w.method === 'DELETE' ? 'unlink' : 'link'}`)),
    audited: count(audit.filter((a) => WRITE_OUTCOMES.has(a.outcome)).map((a) => `${a.tenantId} ${a.action === 'unlink' ? 'unlink' : 'link'}`)),
  };
}
