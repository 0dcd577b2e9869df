/** The inventory: one SQLite file in the user-data folder, with small repositories over it. */
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { PartnerLinkState } from '../../shared/pal-types';
import type { AuditRecord, PalStore, QueuedAction } from '../pal/pal-service';
import { AuditRepo } from './audit-repo';
import { IdentityRepo } from './identity-repo';
import { openDatabase } from './open-inventory';
import { PalRepo } from './pal-repo';
import { QueueRepo } from './queue-repo';
import { SettingsRepo } from './settings-repo';
import { TenantRepo } from './tenant-repo';
import { inTransaction } from './transaction';

export const INVENTORY_FILE = 'inventory.sqlite';

export class Inventory {
  readonly db: DatabaseSync;
  readonly tenants: TenantRepo;
  readonly identities: IdentityRepo;
  readonly links: PalRepo;
  readonly queue: QueueRepo;
  readonly audit: AuditRepo;
  readonly settings: SettingsRepo;
  /** What a person should know about opening the inventory (a damaged file moved aside), or null. */
  readonly notice: string | null;

  constructor(userDataDir: string, now: () => Date = () => new Date()) {
    const opened = openDatabase(path.join(userDataDir, INVENTORY_FILE), { now });
    this.db = opened.db;
    this.notice = opened.notice;
    this.tenants = new TenantRepo(this.db, now);
    this.identities = new IdentityRepo(this.db, now);
    this.links = new PalRepo(this.db, now);
    this.queue = new QueueRepo(this.db, now);
    this.audit = new AuditRepo(this.db, now);
    this.settings = new SettingsRepo(this.db);
    this.queue.recoverRunning();
  }

  /** The PAL service's view of the inventory. */
  palStore(tenantName: (tenantId: string) => string | null): PalStore {
    return {
      recordObservation: (tenantId: string, link: PartnerLinkState | null) =>
        this.links.record(tenantId, this.identities.forTenant(tenantId)?.objectId ?? null, link),
      enqueue: (action: Omit<QueuedAction, 'id'>) => this.queue.enqueue(action),
      audit: (record: AuditRecord, completeActionId?: string) =>
        inTransaction(this.db, () => {
          this.audit.append({ ...record, tenantName: tenantName(record.tenantId) });
          if (completeActionId) this.queue.complete(completeActionId);
        }),
      markNeedsConfirmation: (actionId: string, message: string) => this.queue.markNeedsConfirmation(actionId, message),
    };
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
