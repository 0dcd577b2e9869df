/** What the app exports (partner-link status, the attribution checklist, the audit log, or all of it) and how the file comes back. */
import type { AuditFilter } from './audit-filter';

export type ExportWhat = 'status' | 'checklist' | 'audit' | 'all';
export type ExportFormat = 'csv' | 'json';


export interface ExportRequest {
  what: ExportWhat;
  format: ExportFormat;
  /** Only these tenants (absent: every tenant). */
  tenantIds?: string[];
  /** Narrows the audit log as the Activity page does. */
  audit?: AuditFilter;
}

/** A file ready to write or download. Never holds a token or secret: only what the inventory keeps for people to read. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** saved: the desktop app wrote it where the person chose; cancelled: the save dialog was closed; download: the browser host hands the file to the page. */
export type ExportResult = { outcome: 'saved'; path: string } | { outcome: 'cancelled' } | ({ outcome: 'download' } & ExportFile);
