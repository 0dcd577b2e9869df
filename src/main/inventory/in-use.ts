/**
 * Whether another process has the inventory open, decided by the OS: every PAL Desk process holds a shared lock on a small
 * side file while its inventory is open (the OS drops it however the process ends), and SQLite's own lock on the inventory
 * answers for any other program. A damaged file is never moved from under a process that has it open.
 */
import { closeSync, existsSync, openSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { storageTrouble } from './storage-errors';

/** The side file: an empty SQLite file used only for its locks (it never holds data). */
export const inUseFile = (inventoryFile: string): string => `${inventoryFile}.in-use`;

export interface InUseHold {
  release(): void;
}

/**
 * Holds a shared lock on the side file until `release()`: an open read transaction on it. Another process's check takes the
 * lock exclusively for an instant; should it hold it past the busy timeout, this process goes on without the sign (SQLite's
 * own lock on the inventory still tells).
 */
export function holdInUse(inventoryFile: string, busyTimeoutMs: number): InUseHold {
  const file = inUseFile(inventoryFile);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  try {
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    return { release: () => undefined };
  }
  return { release: () => db.isOpen && db.close() };
}

/** True when `work` on a connection that never waits is refused as busy (another connection holds a lock it needs). */
function refusedAsBusy(file: string, work: (db: DatabaseSync) => void): boolean {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file, { timeout: 0 });
    work(db);
    return false;
  } catch (error) {
    return storageTrouble(error) === 'busy';
  } finally {
    if (db?.isOpen) {
      if (db.isTransaction) db.exec('ROLLBACK');
      db.close();
    }
  }
}

/**
 * True when another connection (in this process or another) has the inventory open: it holds the side file's shared lock,
 * or (for a file whose first page still reads) SQLite cannot take the inventory itself exclusively — a connection to a WAL
 * database keeps a shared lock on it while it is open.
 */
export function inUseElsewhere(inventoryFile: string): boolean {
  const side = inUseFile(inventoryFile);
  if (existsSync(side) && refusedAsBusy(side, (db) => db.exec('BEGIN EXCLUSIVE'))) return true;
  return refusedAsBusy(inventoryFile, (db) => {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  });
}
