/** Exports from the app: the desktop app writes the file through its save dialog, the browser host hands it to the page to download. */
import type { ExportRequest, ExportResult } from '../../shared/export-types';
import type { DesktopShell } from '../desktop-shell';
import type { EvidenceService } from './evidence-service';

export class ExportService {
  readonly #evidence: EvidenceService;
  readonly #desktop: DesktopShell | undefined;

  constructor(evidence: EvidenceService, desktop: DesktopShell | undefined) {
    this.#evidence = evidence;
    this.#desktop = desktop;
  }

  async save(request: ExportRequest): Promise<ExportResult> {
    const file = this.#evidence.file(request);
    if (!this.#desktop) return { outcome: 'download', ...file };
    const saved = await this.#desktop.saveFile(file.fileName, file.content);
    return saved ? { outcome: 'saved', path: saved } : { outcome: 'cancelled' };
  }
}
