/** Evidence for incentive claims: partner-link status per tenant and account, the attribution checklist, and the audit log, as CSV or JSON. */
import { stringify } from 'csv-stringify/sync';
import type { CheckId, ResourceChecklist } from '../../shared/checklist-types';
import { printable } from '../../shared/printable';
import type { AuditEntryView, TenantView } from '../../shared/view-types';

export interface Evidence {
  generatedAt: string;
  partnerId: string | null;
  tenants: TenantView[];
  /** Every resource's checks and verdict (tenant, resource, product, environment, verdict, each check, reason, last seen). */
  checklist: ResourceChecklist[];
  audit: AuditEntryView[];
}

const CHECKS: readonly CheckId[] = ['pal', 'role', 'production', 'solution', 'several-partners'];

/** One row per resource: where it is, its verdict, each check's status, and the reason and fix of the first one that does not pass. */
export function checklistRows(evidence: Evidence) {
  const names = new Map(evidence.tenants.map((t) => [t.tenantId, t.label ?? t.displayName]));
  return evidence.checklist.map((r) => {
    const why = r.checks.find((c) => c.status !== 'pass');
    const status = (id: CheckId) => r.checks.find((c) => c.id === id)?.status ?? '';
    return {
      tenant_id: r.tenantId,
      tenant: names.get(r.tenantId) ?? r.tenantId,
      product: r.product,
      environment_or_workspace: r.environmentId ?? r.workspaceId ?? '',
      resource_id: r.resourceId,
      resource: r.name,
      verdict: r.verdict,
      ...Object.fromEntries(CHECKS.map((id) => [`check_${id.replace('-', '_')}`, status(id)])),
      reason: why?.reason ?? '',
      remediation: why?.remediation ?? '',
      seen_at: r.seenAt,
    };
  });
}

export function evidenceJson(evidence: Evidence): string {
  return `${JSON.stringify(evidence, null, 2)}\n`;
}

/**
 * A cell a spreadsheet would read as a formula, after OWASP's CSV Injection guidance (https://owasp.org/www-community/attacks/CSV_Injection):
 * one starting with =, +, -, @ — also behind leading spaces (a spreadsheet may trim them), and in their fullwidth forms ＝ ＋ － ＠
 * (which spreadsheets such as Numbers read as the ASCII ones, as csv-stringify's `escape_formulas` also assumes). The tab,
 * carriage return and NUL OWASP and ASVS V1.2.10 name never reach a cell: `printable` turns them into a space or removes them.
 */
const FORMULA_START = /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
/**
 * Cells to quote besides those csv-stringify quotes (a comma, a double quote, a line break): a semicolon, the separator a spreadsheet
 * set to another locale's list separator splits on ("Acme;=2+5+cmd|…" would become a formula cell there); OWASP's guidance wraps
 * cells in double quotes for the same reason.
 */
const QUOTE_ALSO = /;/;

/**
 * A cell as a person reads it in a spreadsheet: printable on one line (no control characters, escape sequences, bidi controls or
 * line breaks; the JSON export keeps names exactly), and one that starts like a formula gets a leading single quote (our own values never do).
 */
const csvCell = (value: string): string => {
  const shown = printable(value);
  return FORMULA_START.test(shown) ? `'${shown}` : shown;
};

const neutralised = <T extends object>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? csvCell(value) : value])) as T;

export const CHECKLIST_COLUMNS = ['tenant_id', 'tenant', 'product', 'environment_or_workspace', 'resource_id', 'resource', 'verdict', ...CHECKS.map((id) => `check_${id.replace('-', '_')}`), 'reason', 'remediation', 'seen_at'];
export const STATUS_COLUMNS = ['tenant_id', 'name', 'domain', 'account', 'object_id', 'sign_in', 'pal_status', 'linked_partner_id', 'seen_at'];
export const AUDIT_COLUMNS = ['id', 'at', 'tenantId', 'tenantName', 'identity', 'action', 'before', 'after', 'outcome', 'requestId', 'message'];

/** One row per account in each tenant (a tenant without one gets one row): its sign-in state and partner link. */
export function statusRows(evidence: Evidence) {
  return evidence.tenants.flatMap((t) => {
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
}

/** One CSV table (header + rows), every text cell neutralised against spreadsheet formulas and quoted when it holds a separator. */
export const csvTable = (rows: readonly object[], columns: string[]): string => stringify(rows.map(neutralised), { header: true, columns, quoted_match: QUOTE_ALSO });

export const auditRows = (evidence: Evidence) =>
  evidence.audit.map((a) => ({ ...a, before: a.before ?? '', after: a.after ?? '', requestId: a.requestId ?? '', message: a.message ?? '' }));

/** Three CSV sections: one row per account in each tenant, one per checklist resource, one per audit entry. */
export function evidenceCsv(evidence: Evidence): string {
  const tenants = csvTable(statusRows(evidence), STATUS_COLUMNS);
  const checklist = csvTable(checklistRows(evidence), CHECKLIST_COLUMNS);
  const audit = csvTable(auditRows(evidence), AUDIT_COLUMNS);
  return `# PAL Desk evidence, partner ID ${evidence.partnerId ?? '(not set)'}, generated ${evidence.generatedAt}\n${tenants}\n${checklist}\n${audit}`;
}
