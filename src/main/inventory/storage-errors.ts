/** What a SQLite error means for the inventory — another PAL Desk holds it (busy) or the file is damaged (SQLite's own corruption answers) — and the failures a person is told. */
import { AppFailure } from '../../shared/result';

/** SQLite's primary result codes (https://sqlite.org/rescode.html); node:sqlite puts the extended code on `errcode`. */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

export type StorageTrouble = 'busy' | 'damaged' | 'read-only';

/** 'busy' when another connection held a lock past the busy timeout, 'damaged' only for SQLITE_CORRUPT / SQLITE_NOTADB, 'read-only' when a write was refused; null for anything else. */
export function storageTrouble(error: unknown): StorageTrouble | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  if (typeof code !== 'number') return null;
  const primary = code & 0xff;
  if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED) return 'busy';
  if (primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB) return 'damaged';
  if (primary === SQLITE_READONLY) return 'read-only';
  return null;
}

const ANOTHER = 'Another PAL Desk is using this data (the app, the browser host or a pal-desk command on the same data folder)';
const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** A request that waited the whole busy timeout for another process's lock. */
export const inventoryBusy = (waitedMs: number): AppFailure =>
  new AppFailure('inventory-busy', `${ANOTHER} and kept it locked for more than ${seconds(waitedMs)}: nothing was changed. Try again in a moment; if it keeps happening, close the other PAL Desk.`);

/** Opening the inventory waited the whole busy timeout. */
export const inventoryBusyAtOpen = (waitedMs: number): AppFailure =>
  new AppFailure('inventory-busy', `${ANOTHER} and kept it locked for more than ${seconds(waitedMs)}, so it could not be opened: nothing was changed or set aside. Try again when the other PAL Desk has finished, or close it.`);

/** Background work (the queue replay, the end of a job) found the inventory locked; it tries again on its next turn. */
export const busyInBackground = (waitedMs: number): string =>
  `${ANOTHER} and has kept it locked for more than ${seconds(waitedMs)}: PAL Desk's work in the background (sending queued changes) waits, and tries again shortly. If this keeps happening, close the other PAL Desk.`;

const RESTART =
  'Close every PAL Desk window and pal-desk command on this data folder, then start PAL Desk again: it will set the damaged file aside, recover what can still be read and say what was lost.';

/** Told once when SQLite first reports the open file damaged: the app stays up and only reads. */
export const DAMAGED_WHILE_RUNNING = `The inventory database is damaged (SQLite reports a malformed file): PAL Desk stopped changing it so nothing more is lost, and shows what can still be read. Changes are refused until you restart. ${RESTART}`;

/** A change asked for after the file was found damaged, or a read of a damaged part. */
export const inventoryDamaged = (): AppFailure =>
  new AppFailure('inventory-damaged', `Nothing was changed: the inventory database is damaged, and PAL Desk only reads what it can of it now. ${RESTART}`);

/** At open: damaged, but another process has the file open, so it is not moved from under it. */
export const damagedButInUse = (): AppFailure =>
  new AppFailure(
    'inventory-damaged',
    `The inventory database is damaged, and another PAL Desk (the app, the browser host or a pal-desk command) still has it open, so it was not set aside and nothing was changed. ${RESTART}`,
  );
