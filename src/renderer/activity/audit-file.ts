/** The audit log as a file a person exports: CSV with the evidence export's columns and rules (formula-like cells neutralised), or JSON. */
import type { AuditFilter } from '../../shared/audit-filter';
import type { AuditEntryView } from '../../shared/view-types';

export type AuditFileFormat = 'csv' | 'json';

const COLUMNS = ['id', 'at', 'tenantId', 'tenantName', 'identity', 'action', 'before', 'after', 'outcome', 'requestId', 'message'] as const;

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: a formula-like value gets a leading single quote, and a value with a comma, quote or line break is quoted. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntryView[]): string {
  const lines = [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => csvCell(e[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

export function auditJson(entries: readonly AuditEntryView[], filter: AuditFilter, generatedAt: string): string {
  return `${JSON.stringify({ generatedAt, filter, entries }, null, 2)}\n`;
}

/** "pal-desk-audit-2026-11-25.csv" */
export const auditFileName = (format: AuditFileFormat, now: Date): string => `pal-desk-audit-${now.toISOString().slice(0, 10)}.${format}`;
