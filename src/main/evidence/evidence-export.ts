/** Evidence for incentive claims: partner-link status per tenant and account, and the audit log, as CSV or JSON. */
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

/** Two CSV sections: one row per account in each tenant (a tenant without one gets one row), then one row per audit entry. */
export function evidenceCsv(evidence: Evidence): string {
  const rows = evidence.tenants.flatMap((t) => {
    const tenant = { tenant_id: t.tenantId, name: t.label ?? t.displayName, domain: t.defaultDomain ?? '' };
    if (t.accounts.length === 0) return [{ ...tenant, account: '', object_id: '', sign_in: 'signed-out', pal_status: t.pal.status, linked_partner_id: '', seen_at: '' }];
    return t.accounts.map((a) => ({
      ...tenant,
      account: a.username ?? '',
      object_id: a.objectId ?? '',
      sign_in: a.signIn,
      pal_status: a.pal.status,
      linked_partner_id: a.pal.partnerId ?? '',
      seen_at: a.pal.seenAt ?? '',
    }));
  });
  const tenants = stringify(rows, {
    header: true,
    columns: ['tenant_id', 'name', 'domain', 'account', 'object_id', 'sign_in', 'pal_status', 'linked_partner_id', 'seen_at'],
  });
  const audit = stringify(
    evidence.audit.map((a) => ({ ...a, before: a.before ?? '', after: a.after ?? '', requestId: a.requestId ?? '', message: a.message ?? '' })),
    { header: true, columns: ['id', 'at', 'tenantId', 'tenantName', 'identity', 'action', 'before', 'after', 'outcome', 'requestId', 'message'] },
  );
  return `# PAL Desk evidence, partner ID ${evidence.partnerId ?? '(not set)'}, generated ${evidence.generatedAt}\n${tenants}\n${audit}`;
}
