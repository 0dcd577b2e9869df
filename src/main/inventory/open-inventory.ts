/** Opens the inventory database: WAL, foreign keys, checksummed migrations; a busy file waits, a corrupt one no process holds is moved aside, never lost. */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { AppFailure } from '../../shared/result';
import { NOTICE } from '../domain/notice';
import { CachedDatabase } from './cached-database';
import { prepareDatabaseFile, securePaths } from './file-modes';
import { inUseElsewhere } from './in-use';
import { MIGRATIONS, type Migration } from './migrations';
import { recoverDamaged } from './recover-inventory';
import { damagedButInUse, inventoryBusyAtOpen, storageTrouble } from './storage-errors';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Set when a corrupt file was moved aside, or an empty file found, and a fresh inventory started. */
  notice: { code: string; message: string } | null;
}

export const checksumOf = (migration: Migration): string => createHash('sha256').update(migration.sql).digest('hex');

/** How long a statement waits for another connection's lock before SQLite answers busy (the app's default). */
export const BUSY_TIMEOUT_MS = 5000;

/** A connection whose busy timeout is set before its first statement, in WAL mode. */
function connect(file: string, busyTimeoutMs: number): CachedDatabase {
  const db = new CachedDatabase(file, { timeout: busyTimeoutMs });
  try {
    // FULL: a committed queue entry or audit line survives power loss and SIGKILL alike; our writes are small and rare.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The connection when the file is healthy; 'damaged' only for SQLite's corruption answers or a failed quick_check; a busy or otherwise unreadable file throws. */
function openHealthy(file: string, busyTimeoutMs: number): CachedDatabase | 'damaged' {
  let db: CachedDatabase | null = null;
  try {
    db = connect(file, busyTimeoutMs);
    const row = db.prepare('PRAGMA quick_check').get() as { quick_check?: string } | undefined;
    if (row?.quick_check === 'ok') return db;
    db.close();
    return 'damaged';
  } catch (error) {
    if (db?.isOpen) db.close();
    const trouble = storageTrouble(error);
    if (trouble === 'damaged') return 'damaged';
    if (trouble === 'busy') throw inventoryBusyAtOpen(busyTimeoutMs);
    throw cannotOpen(error);
  }
}

const cannotOpen = (error: unknown) =>
  new AppFailure(
    'internal',
    `PAL Desk could not open its inventory database (${error instanceof Error ? error.message : String(error)}): nothing was changed or set aside. Check that the data folder is on a disk with free space and that you may write to it, then start PAL Desk again.`,
  );

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
      if (db.isTransaction) db.exec('ROLLBACK');
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

/** True for a file that exists with nothing in it (and no write-ahead log): SQLite would take it for a new, empty database. */
function isEmptyFile(file: string): boolean {
  if (!existsSync(file) || statSync(file).size > 0) return false;
  return !existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0;
}

export function openDatabase(file: string, options: { now?: () => Date; migrations?: readonly Migration[]; busyTimeoutMs?: number } = {}): OpenedDatabase {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const empty = isEmptyFile(file);
  prepareDatabaseFile(file);
  const healthy = openHealthy(file, busyTimeoutMs);
  if (healthy === 'damaged') return startFresh(file, { now, migrations, busyTimeoutMs });
  try {
    migrate(healthy, migrations, now);
  } catch (error) {
    healthy.close();
    throw storageTrouble(error) === 'busy' ? inventoryBusyAtOpen(busyTimeoutMs) : error;
  }
  securePaths(file);
  return { db: healthy, notice: empty ? { code: NOTICE.inventoryEmpty, message: EMPTY_NOTICE } : null };
}

/** Sets a damaged file aside (never one another process has open) and starts a fresh inventory with what could be read from it; the notice goes with it, or the failure names where the file went. */
function startFresh(file: string, o: { now: () => Date; migrations: readonly Migration[]; busyTimeoutMs: number }): OpenedDatabase {
  // A file another process has open would go on being written where nobody reads it.
  if (inUseElsewhere(file)) throw damagedButInUse();
  const aside = moveAside(file, o.now());
  let db: DatabaseSync | null = null;
  try {
    db = connect(file, o.busyTimeoutMs);
    migrate(db, o.migrations, o.now);
    const notice = { code: NOTICE.inventoryDamaged, message: recoverDamaged(db, aside) };
    securePaths(file);
    return { db, notice };
  } catch (error) {
    if (db?.isOpen) db.close();
    throw new AppFailure(
      'inventory-damaged',
      `The inventory database was damaged and is kept as ${path.basename(aside)}, but a fresh inventory could not be started (${error instanceof Error ? error.message : String(error)}). Start PAL Desk again; if this keeps happening, check the data folder's disk.`,
    );
  }
}

const EMPTY_NOTICE =
  'The inventory file was empty (0 bytes) when PAL Desk started, so a fresh inventory started: whatever it held before (your partner ID, tenants, audit log, queued actions) is gone. If you have a backup of inventory.sqlite, close PAL Desk and put it back; otherwise set your partner ID again in Settings, add your tenants and sync them.';
