/** The inventory: one SQLite file in the user-data folder, with small repositories over it and the one way to save a sync. */
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { AccountRepo } from './account-repo';
import { AdminCallsRepo } from './admin-calls-repo';
import { AuditRepo } from './audit-repo';
import { CollectorRunsRepo } from './collector-runs-repo';
import { IntentRepo } from './intent-repo';
import { LinkRepo } from './link-repo';
import { NoticeRepo } from './notice-repo';
import { holdInUse, type InUseHold } from './in-use';
import { BUSY_TIMEOUT_MS, openDatabase } from './open-inventory';
import { PowerPlatformRepo } from './power-platform-repo';
import { QueueRepo } from './queue-repo';
import { SettingsRepo } from './settings-repo';
import { StorageGuard } from './storage-guard';
import { TenantRepo } from './tenant-repo';
import { WorkLeaseRepo } from './work-lease-repo';
import { WriterLockRepo } from './writer-lock-repo';
import { inTransaction } from './transaction';

export const INVENTORY_FILE = 'inventory.sqlite';

/** One collector's part of a tenant's snapshot: its facts to save, or why it could not read them (its last facts are kept; `notBefore`: its service asked to wait until then). */
/**
 * One collector's part of a tenant's snapshot: its facts to save, or why it has none (its last facts are kept and marked stale),
 * or both when it read nothing new but has something to record (each account that needs the person).
 */
export type SnapshotPart =
  | { collector: string; save: () => void; failure?: { code: string; message: string; notBefore?: string } }
  | { collector: string; failure: { code: string; message: string; notBefore?: string } };

export class Inventory {
  readonly db: DatabaseSync;
  readonly tenants: TenantRepo;
  readonly accounts: AccountRepo;
  readonly links: LinkRepo;
  readonly queue: QueueRepo;
  readonly audit: AuditRepo;
  readonly settings: SettingsRepo;
  readonly runs: CollectorRunsRepo;
  readonly intents: IntentRepo;
  readonly writerLock: WriterLockRepo;
  /** The processes at work (a sync, link all) in the data folder: "forget everything" waits for them. */
  readonly workLeases: WorkLeaseRepo;
  /** Power Platform facts and the scope each product was read with. */
  readonly powerPlatform: PowerPlatformRepo;
  /** Notices kept until a person acknowledges them (a damaged file moved aside is one, written into the fresh file). */
  readonly notices: NoticeRepo;
  /** Calls to rate-limited admin APIs (Power BI's) per tenant, shared by every process on the data folder. */
  readonly adminCalls: AdminCallsRepo;

  /** Whether the file is busy or damaged while running, and what that means for a request. */
  readonly storage: StorageGuard;
  /** This process's OS-level sign that it has the inventory open (another never moves the file from under it). */
  readonly #inUse: InUseHold;

  /** `busyTimeoutMs`: how long a statement waits for another process's lock (default 5 s). */
  constructor(userDataDir: string, now: () => Date = () => new Date(), options: { busyTimeoutMs?: number } = {}) {
    const file = path.join(userDataDir, INVENTORY_FILE);
    const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    const opened = openDatabase(file, { now, busyTimeoutMs });
    this.db = opened.db;
    this.#inUse = holdInUse(file, busyTimeoutMs);
    this.storage = new StorageGuard(this.db, busyTimeoutMs);
    this.notices = new NoticeRepo(this.db, now);
    if (opened.notice) this.notices.add({ level: 'warning', ...opened.notice });
    this.runs = new CollectorRunsRepo(this.db, now);
    this.tenants = new TenantRepo(this.db, now, this.runs);
    this.accounts = new AccountRepo(this.db, now);
    this.links = new LinkRepo(this.db, now);
    this.queue = new QueueRepo(this.db, now);
    // The heartbeat runs on a timer and the release after a job, where a throw would end the process: the guard hears a busy or damaged file instead.
    this.writerLock = new WriterLockRepo(this.db, now, (error) => void this.storage.explain(error));
    this.workLeases = new WorkLeaseRepo(this.db, now);
    this.audit = new AuditRepo(this.db, now, this.writerLock);
    this.settings = new SettingsRepo(this.db);
    this.intents = new IntentRepo(this.db, now, this.audit, this.queue, this.writerLock);
    this.powerPlatform = new PowerPlatformRepo(this.db);
    this.adminCalls = new AdminCallsRepo(this.db, now);
  }

  /**
   * Saves one tenant's sync in one transaction: each collector's facts, or its failure marking only its facts stale (never cleared
   * by a part that read nothing). The tenant counts as synced only when some collector read its facts.
   */
  saveSnapshot(tenantId: string, parts: readonly SnapshotPart[]): void {
    inTransaction(this.db, () => {
      for (const part of parts) {
        if ('save' in part) part.save();
        if (part.failure) this.runs.failed(tenantId, part.collector, part.failure.code, part.failure.message, part.failure.notBefore ?? null);
        else this.runs.succeeded(tenantId, part.collector);
      }
      if (parts.some((p) => !p.failure)) this.tenants.markSynced(tenantId);
    });
  }

  /**
   * Changes whenever anything in the file changes: rows written through this connection, or a commit by another one (the
   * CLI, another window). What is computed from the inventory can be kept until it changes.
   */
  version(): string {
    const { changes } = this.db.prepare('SELECT total_changes() AS changes').get() as { changes: number };
    const { data_version: other } = this.db.prepare('PRAGMA data_version').get() as { data_version: number };
    return `${changes}:${other}`;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
    this.#inUse.release();
  }
}
