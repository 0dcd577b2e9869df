/** The inventory connection's health while the app runs: a busy file answers "another PAL Desk is using this data", a damaged one turns read-only until a restart. */
import type { DatabaseSync } from 'node:sqlite';
import type { AppFailure } from '../../shared/result';
import { DAMAGED_WHILE_RUNNING, inventoryBusy, inventoryDamaged, storageTrouble } from './storage-errors';

export class StorageGuard {
  readonly #db: DatabaseSync;
  readonly #busyTimeoutMs: number;
  readonly #listeners: ((message: string) => void)[] = [];
  #damaged = false;

  constructor(db: DatabaseSync, busyTimeoutMs: number) {
    this.#db = db;
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  /** True once SQLite has reported the open file damaged: changes are refused from then on. */
  get damaged(): boolean {
    return this.#damaged;
  }

  /** How long a statement waits for another connection's lock. */
  get busyTimeoutMs(): number {
    return this.#busyTimeoutMs;
  }

  /** Hears, once, that the file was found damaged (with the notice to show). */
  onDamaged(listener: (message: string) => void): void {
    this.#listeners.push(listener);
    if (this.#damaged) listener(DAMAGED_WHILE_RUNNING);
  }

  /** The failure to answer for a storage error (a damaged file is made read-only here); null for any other error. */
  explain(error: unknown): AppFailure | null {
    const trouble = storageTrouble(error);
    if (trouble === 'busy') return inventoryBusy(this.#busyTimeoutMs);
    if (trouble === 'damaged') this.#markDamaged();
    return trouble === 'damaged' || (trouble === 'read-only' && this.#damaged) ? inventoryDamaged() : null;
  }

  /** Throws the refusal when the file was found damaged (before work that would change it). */
  refuseChangesIfDamaged(): void {
    if (this.#damaged) throw inventoryDamaged();
  }

  #markDamaged(): void {
    if (this.#damaged) return;
    this.#damaged = true;
    try {
      // SQLite itself then refuses every write on this connection: nothing more is written into a damaged file.
      this.#db.exec('PRAGMA query_only = ON');
    } catch {
      // The flag above still refuses every change that comes through PAL Desk's services.
    }
    for (const listener of this.#listeners) listener(DAMAGED_WHILE_RUNNING);
  }
}
