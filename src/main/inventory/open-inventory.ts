/** Opens the inventory database: WAL, foreign keys, checksummed migrations; a corrupt file is moved aside, never lost. */
import { createHash } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { AppFailure } from '../../shared/result';
import { CachedDatabase } from './cached-database';
import { prepareDatabaseFile, securePaths } from './file-modes';
import { MIGRATIONS, type Migration } from './migrations';
import { recoverDamaged } from './recover-inventory';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Set when a corrupt file was moved aside and a fresh inventory started. */
  notice: string | null;
}

export const checksumOf = (migration: Migration): string => createHash('sha256').update(migration.sql).digest('hex');

function configure(db: DatabaseSync): void {
  // FULL: a committed queue entry or audit line survives power loss and SIGKILL alike; our writes are small and rare.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
}

function isHealthy(db: DatabaseSync): boolean {
  const row = db.prepare('PRAGMA quick_check').get() as { quick_check?: string } | undefined;
  return row?.quick_check === 'ok';
}

function migrate(db: DatabaseSync, migrations: readonly Migration[], now: () => Date): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Map(
    (db.prepare('SELECT version, checksum FROM schema_migrations').all() as { version: number; checksum: string }[]).map((r) => [r.version, r.checksum]),
  );
  for (const migration of migrations) {
    const checksum = checksumOf(migration);
    const recorded = applied.get(migration.version);
    if (recorded !== undefined) {
      if (recorded !== checksum) {
        throw new AppFailure(
          'internal',
          `The inventory database was created by a different build of PAL Desk (migration ${migration.version} changed). Update PAL Desk; your data is untouched.`,
        );
      }
      continue;
    }
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        checksum,
        now().toISOString(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Moves the database and its WAL/SHM files aside; returns the new name. */
function moveAside(file: string, now: Date): string {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

export function openDatabase(file: string, options: { now?: () => Date; migrations?: readonly Migration[] } = {}): OpenedDatabase {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  prepareDatabaseFile(file);
  let aside: string | null = null;
  let db: DatabaseSync | null = null;
  try {
    db = new CachedDatabase(file);
    configure(db);
    if (!isHealthy(db)) throw new Error('quick_check failed');
  } catch {
    db?.close();
    aside = moveAside(file, now());
    db = new CachedDatabase(file);
    configure(db);
  }
  migrate(db, migrations, now);
  const notice = aside ? recoverDamaged(db, aside) : null;
  securePaths(file);
  return { db, notice };
}
