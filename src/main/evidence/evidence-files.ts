/** One export file (status, checklist, audit log or all of it, as CSV or JSON) from the evidence, narrowed to some tenants. */
import type { AuditFilter } from '../../shared/audit-filter';
import type { ExportFile, ExportFormat, ExportRequest, ExportWhat } from '../../shared/export-types';
import {
  AUDIT_COLUMNS,
  auditRows,
  CHECKLIST_COLUMNS,
  checklistRows,
  csvTable,
  evidenceCsv,
  evidenceJson,
  STATUS_COLUMNS,
  statusRows,
  type Evidence,
} from './evidence-export';

const MIME: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' };
const NAME: Record<ExportWhat, string> = { status: 'pal-status', checklist: 'checklist', audit: 'audit-log', all: 'evidence' };

/** The evidence for some tenants only (every part). */
export function narrowed(evidence: Evidence, tenantIds: readonly string[] | undefined): Evidence {
  const keep = tenantIds ? new Set(tenantIds) : null;
  const inScope = (tenantId: string) => !keep || keep.has(tenantId);
  return {
    ...evidence,
    tenants: evidence.tenants.filter((t) => inScope(t.tenantId)),
    checklist: evidence.checklist.filter((r) => inScope(r.tenantId)),
    audit: evidence.audit.filter((a) => inScope(a.tenantId)),
  };
}

/** JSON of one part: the same fields as its CSV, for the checklist every check with its reason and fix, for the audit log the filter it was narrowed by. */
function partJson(evidence: Evidence, what: Exclude<ExportWhat, 'all'>, filter: AuditFilter = {}): string {
  const head = { generatedAt: evidence.generatedAt, partnerId: evidence.partnerId };
  const rows = {
    status: () => ({ status: statusRows(evidence) }),
    checklist: () => {
      const checks = new Map(evidence.checklist.map((r) => [`${r.tenantId}|${r.product}|${r.resourceId}`, r.checks]));
      return { checklist: checklistRows(evidence).map((row) => ({ ...row, checks: checks.get(`${row.tenant_id}|${row.product}|${row.resource_id}`) ?? [] })) };
    },
    audit: () => ({ ...(Object.keys(filter).length > 0 ? { filter } : {}), audit: evidence.audit }),
  }[what]();
  return `${JSON.stringify({ ...head, ...rows }, null, 2)}\n`;
}

function partCsv(evidence: Evidence, what: Exclude<ExportWhat, 'all'>): string {
  if (what === 'status') return csvTable(statusRows(evidence), STATUS_COLUMNS);
  if (what === 'checklist') return csvTable(checklistRows(evidence), CHECKLIST_COLUMNS);
  return csvTable(auditRows(evidence), AUDIT_COLUMNS);
}

/** The file for a request, named like `pal-desk-checklist-2026-11-25.csv`. */
export function evidenceFile(all: Evidence, request: ExportRequest): ExportFile {
  const evidence = narrowed(all, request.tenantIds);
  const { what, format } = request;
  const content =
    what === 'all'
      ? format === 'json'
        ? evidenceJson(evidence)
        : evidenceCsv(evidence)
      : format === 'json'
        ? partJson(evidence, what, request.audit)
        : partCsv(evidence, what);
  return { fileName: `pal-desk-${NAME[what]}-${evidence.generatedAt.slice(0, 10)}.${format}`, mimeType: MIME[format], content };
}
