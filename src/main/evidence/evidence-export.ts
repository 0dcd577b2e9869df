/** Evidence for incentive claims: partner-link status per tenant and the audit log, as CSV or JSON. */
import { stringify } from 'csv-stringify/sync';
import type { AuditEntryView, TenantView } from '../../shared/view-types';

export interface Evidence {
  generatedAt: string;
  partnerId: string | null;
  tenants: TenantView[];
  audit: AuditEntryView[];
}

export function evidenceJson(evidence: Evidence): string {
  return `${JSON.stringify(evidence, null, 2)}\n`;
}

/** Two CSV sections: one row per tenant, then one row per audit entry. */
export function evidenceCsv(evidence: Evidence): string {
  const tenants = stringify(
    evidence.tenants.map((t) => ({
      tenant_id: t.tenantId,
      name: t.label ?? t.displayName,
      domain: t.defaultDomain ?? '',
      account: t.identity?.username ?? '',
      object_id: t.identity?.objectId ?? '',
      sign_in: t.identity?.signIn ?? 'signed-out',
      pal_status: t.pal.status,
      linked_partner_id: t.pal.partnerId ?? '',
      seen_at: t.pal.seenAt ?? '',
    })),
    { header: true, columns: ['tenant_id', 'name', 'domain', 'account', 'object_id', 'sign_in', 'pal_status', 'linked_partner_id', 'seen_at'] },
  );
  const audit = stringify(
    evidence.audit.map((a) => ({ ...a, before: a.before ?? '', after: a.after ?? '', requestId: a.requestId ?? '', message: a.message ?? '' })),
    { header: true, columns: ['id', 'at', 'tenantId', 'tenantName', 'identity', 'action', 'before', 'after', 'outcome', 'requestId', 'message'] },
  );
  return `# PAL Desk evidence, partner ID ${evidence.partnerId ?? '(not set)'}, generated ${evidence.generatedAt}\n${tenants}\n${audit}`;
}
