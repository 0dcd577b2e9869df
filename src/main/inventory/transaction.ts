/** Runs a function inside one SQLite transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error). */
import type { DatabaseSync } from 'node:sqlite';

export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite has already rolled back after some errors (busy, disk full): rolling back again would hide the real error.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
