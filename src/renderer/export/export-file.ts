/** Exports from any page: `exportFile({ what, format, tenantIds?, audit? })` saves (desktop) or downloads (browser host) the file and tells the person where it went. */
import type { AuditFilter } from '../../shared/audit-filter';
import type { ExportFile, ExportFormat, ExportRequest } from '../../shared/export-types';
import type { AppError } from '../../shared/result';
import { api } from '../api';
import { useAppStore } from '../store';

export type ExportOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' } | { kind: 'failed'; error: AppError };

/** Hands a file to the browser's downloads (Blob + `<a download>`). */
function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const notify = (level: 'info' | 'error', message: string) => useAppStore.getState().notify({ level, message });

/** Exports one file; a success or failure is also shown as a notice (a cancelled save dialog says nothing). */
export async function exportFile(request: ExportRequest): Promise<ExportOutcome> {
  if (!api) return { kind: 'failed', error: { code: 'internal', message: 'This page must be opened by PAL Desk to export.' } };
  const result = await api.exports.save(request);
  if (!result.ok) {
    notify('error', `The export did not complete: ${result.error.message}`);
    return { kind: 'failed', error: result.error };
  }
  const answer = result.value;
  if (answer.outcome === 'cancelled') return { kind: 'cancelled' };
  if (answer.outcome === 'saved') {
    notify('info', `Exported to ${answer.path}.`);
    return { kind: 'saved', path: answer.path };
  }
  download(answer);
  notify('info', `Exported ${answer.fileName} to your downloads.`);
  return { kind: 'downloaded', fileName: answer.fileName };
}

/** The audit log as the Activity page's filters narrow it. */
export const exportAudit = (format: ExportFormat, audit: AuditFilter = {}, tenantIds?: string[]): Promise<ExportOutcome> =>
  exportFile({ what: 'audit', format, audit, ...(tenantIds ? { tenantIds } : {}) });
