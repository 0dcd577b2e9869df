/** Exports the audit log entries matching a filter as CSV or JSON: every page is read from main, then the file is downloaded. */
import type { AuditFilter } from '../../shared/audit-filter';
import type { AppError, Result } from '../../shared/result';
import type { AuditEntryView } from '../../shared/view-types';
import { api } from '../api';
import { auditCsv, auditFileName, auditJson, type AuditFileFormat } from './audit-file';

const PAGE = 1000;
/** More entries than anyone reads in a spreadsheet: the export stops there and says so. */
const MAX_ENTRIES = 100_000;

export interface AuditExport {
  count: number;
  fileName: string;
  /** The log held more matching entries than one export writes (the newest were written). */
  truncated: boolean;
}

/** Resolves to what was written, or the error to show. */
export async function exportAudit(filter: AuditFilter, format: AuditFileFormat): Promise<Result<AuditExport>> {
  if (!api) return { ok: false, error: { code: 'internal', message: 'Export needs PAL Desk: start the app with `npm start` or `npm run demo`.' } };
  const entries: AuditEntryView[] = [];
  let truncated = false;
  for (;;) {
    const page = await api.activity.listAudit({ limit: PAGE, beforeId: entries.at(-1)?.id, filter });
    if (!page.ok) return { ok: false, error: exportFailed(page.error) };
    entries.push(...page.value);
    if (page.value.length < PAGE) break;
    if (entries.length >= MAX_ENTRIES) {
      truncated = true;
      break;
    }
  }
  const now = new Date();
  const fileName = auditFileName(format, now);
  const text = format === 'csv' ? auditCsv(entries) : auditJson(entries, filter, now.toISOString());
  download(fileName, text, format === 'csv' ? 'text/csv' : 'application/json');
  return { ok: true, value: { count: entries.length, fileName, truncated } };
}

const exportFailed = (error: AppError): AppError => ({ ...error, message: `The audit log could not be read for the export: ${error.message} Try again.` });

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
