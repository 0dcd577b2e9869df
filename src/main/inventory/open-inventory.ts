/** Opens the inventory database: WAL, foreign keys, checksummed migrations; a busy file waits, a corrupt one no process holds is moved aside, never lost. */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { AppFailure } from '../../shared/result';
import { NOTICE } from '../domain/notice';
import { CachedDatabase } from './cached-database';
import { prepareDatabaseFile, securePaths } from './file-modes';
import { inUseElsewhere } from './in-use';
import { MIGRATIONS, type Migration } from './migrations';
import { NoticeRepo } from './notice-repo';
import { recoverDamaged } from './recover-inventory';
import { damagedButInUse, inventoryBusyAtOpen, storageTrouble } from './storage-errors';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Set when an empty file was found and a fresh inventory started (a damaged file's notice is already in the fresh inventory). */
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

const SQLITE_SUFFIXES = ['-wal', '-shm', ''] as const;

/** Renames a database with its WAL/SHM files (the database itself last: a file never stands without the log it needs). */
function moveDatabase(from: string, to: string): void {
  for (const suffix of SQLITE_SUFFIXES) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
}

/** Where a fresh inventory is built before it takes the damaged one's place. */
const buildingFile = (file: string) => `${file}.recovering`;

/**
 * Finishes a set-aside a previous start was stopped in (killed, power lost): the fresh inventory, its notice already in it,
 * takes its place once the damaged file is aside; before that, the half-built one is dropped and the recovery starts over.
 */
function finishInterruptedSetAside(file: string): void {
  const building = buildingFile(file);
  if (!existsSync(building)) return;
  if (existsSync(file)) for (const suffix of SQLITE_SUFFIXES) rmSync(building + suffix, { force: true });
  else moveDatabase(building, file);
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
  finishInterruptedSetAside(file);
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

/**
 * Sets a damaged file aside (never one another process has open) and starts a fresh inventory with what could be read from it.
 * The fresh one is built beside it with its notice inside, then the damaged file moves aside and the fresh one takes its
 * place: a start stopped at any point leaves either the damaged file in place (recovered again next time) or a fresh
 * inventory that says what happened (finishInterruptedSetAside), never an empty inventory without a word.
 */
function startFresh(file: string, o: { now: () => Date; migrations: readonly Migration[]; busyTimeoutMs: number }): OpenedDatabase {
  // A file another process has open would go on being written where nobody reads it.
  if (inUseElsewhere(file)) throw damagedButInUse();
  const now = o.now();
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  const building = buildingFile(file);
  let db: DatabaseSync | null = null;
  try {
    db = connect(building, o.busyTimeoutMs);
    migrate(db, o.migrations, o.now);
    new NoticeRepo(db, o.now).add({ level: 'warning', code: NOTICE.inventoryDamaged, message: recoverDamaged(db, file, aside) });
    db.close();
    moveDatabase(file, aside);
    moveDatabase(building, file);
    db = connect(file, o.busyTimeoutMs);
    securePaths(file);
    return { db, notice: null };
  } catch (error) {
    if (db?.isOpen) db.close();
    const where = existsSync(aside) ? `is kept as ${path.basename(aside)}` : 'is left where it was';
    throw new AppFailure(
      'inventory-damaged',
      `The inventory database was damaged and ${where}, but a fresh inventory could not be started (${error instanceof Error ? error.message : String(error)}). Start PAL Desk again; if this keeps happening, check the data folder's disk.`,
    );
  }
}

const EMPTY_NOTICE =
  'The inventory file was empty (0 bytes) when PAL Desk started, so a fresh inventory started: whatever it held before (your partner ID, tenants, audit log, queued actions) is gone. If you have a backup of inventory.sqlite, close PAL Desk and put it back; otherwise set your partner ID again in Settings, add your tenants and sync them.';
