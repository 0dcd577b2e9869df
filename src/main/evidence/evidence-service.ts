/** Assembles the evidence a partner keeps for incentive claims (partner ID, every tenant's accounts and links, the checklist, the audit log) in one place for the app and the CLI. */
import type { ChecklistService } from '../checklist/checklist-service';
import type { Inventory } from '../inventory/inventory';
import type { TenantViews } from '../tenants/tenant-views';
import type { AuditFilter } from '../../shared/audit-filter';
import type { ExportFile, ExportRequest } from '../../shared/export-types';
import type { Evidence } from './evidence-export';
import { evidenceFile } from './evidence-files';

/** The audit entries an export carries at most (newest first). */
const AUDIT_LIMIT = 100_000;

export class EvidenceService {
  readonly #inventory: Inventory;
  readonly #views: TenantViews;
  readonly #partnerId: () => string | null;
  readonly #checklist: ChecklistService;

  constructor(inventory: Inventory, views: TenantViews, partnerId: () => string | null, checklist: ChecklistService) {
    this.#inventory = inventory;
    this.#views = views;
    this.#partnerId = partnerId;
    this.#checklist = checklist;
  }

  /** Everything, with the audit log narrowed by `audit` (as the Activity page filters it). */
  collect(now: Date = new Date(), audit: AuditFilter = {}): Evidence {
    return {
      generatedAt: now.toISOString(),
      partnerId: this.#partnerId(),
      tenants: this.#views.list(),
      checklist: this.#checklist.all().resources,
      audit: this.#inventory.audit.list(AUDIT_LIMIT, undefined, audit),
    };
  }

  /** One export file (status, checklist, audit log or all of it), for the app and the CLI alike. */
  file(request: ExportRequest, now: Date = new Date()): ExportFile {
    return evidenceFile(this.collect(now, request.audit), request);
  }
}
