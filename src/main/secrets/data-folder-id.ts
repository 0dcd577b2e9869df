/**
 * A data folder's own name in the keychain: a random id kept in a small file in the folder.
 *
 * Why a stored id and not the folder's path: a folder that is moved or renamed (a new user profile, a synced drive mounted
 * elsewhere, a brand's folder renamed) keeps its id and so its sign-ins and service principal secrets; a path would lose
 * them, and the same folder reached by two paths (a symlink) would have two names. Why a file and not a row in the
 * inventory: the id is needed before the inventory is read, and a damaged inventory that is set aside must not take the
 * token cache's key with it. A copied folder (a backup restored next to the original, a brand folder started from another)
 * would share the id, so the file also records where it was made: a file whose folder still holds the original is a copy,
 * and gets an id of its own that first looks under the original's names (nothing lost, nothing shared from then on).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

export const FOLDER_ID_FILE = 'keychain-id.json';

export interface DataFolderId {
  id: string;
  /**
   * Where this folder's secrets may still be, newest first, as prefixes of their keychain names: an original folder's
   * `<id>/` for a copy, and '' for the names every folder shared before secrets were kept per data folder (only for a
   * folder that already held data then).
   */
  older: string[];
}

interface Recorded extends DataFolderId {
  /** The folder's real path when the record was written (to tell a moved folder from a copy). */
  folder: string;
}

/** Whether the folder already holds one of `names` (the inventory, the token cache): then it was made by an older release. */
const heldDataBefore = (dir: string, names: readonly string[]) => names.some((name) => statSync(path.join(dir, name), { throwIfNoEntry: false }));

const read = (file: string): Recorded | null => {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Recorded>;
    if (typeof value.id !== 'string' || typeof value.folder !== 'string' || !Array.isArray(value.older)) return null;
    return { id: value.id, folder: value.folder, older: value.older.filter((p): p is string => typeof p === 'string') };
  } catch {
    return null;
  }
};

const serialize = (record: Recorded) => `${JSON.stringify(record, null, 2)}\n`;

/** Writes a new file whole, then puts it in place: `exclusive` never replaces one another process made first. */
function place(file: string, record: Recorded, exclusive: boolean): void {
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, serialize(record));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (exclusive) linkSync(temp, file);
    else renameSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file system without hard links (FAT, exFAT): exclusive creation, written in one call.
    if (exclusive && code !== 'EEXIST') writeFileSync(file, serialize(record), { flag: 'wx', mode: 0o600 });
    else if (code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** True when `other` is a folder holding this very id file (the original of a copy), not the same folder by another path. */
function isOriginal(other: string, file: string, id: string): boolean {
  try {
    const theirs = path.join(other, FOLDER_ID_FILE);
    const mine = statSync(file);
    const found = statSync(theirs, { throwIfNoEntry: false });
    if (!found || (found.ino === mine.ino && found.dev === mine.dev)) return false;
    return read(theirs)?.id === id;
  } catch {
    return false; // A folder that cannot be read is taken for gone: this one was moved.
  }
}

/**
 * The folder's id, made on first open. `dataFiles`: names of files that show the folder held data before (then it may
 * still have secrets under the shared names of older releases).
 */
export function dataFolderId(dir: string, dataFiles: readonly string[]): DataFolderId {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, FOLDER_ID_FILE);
  const here = realpathSync.native(dir);
  let record = read(file);
  if (!record) {
    // A damaged file is replaced: the entries under its lost id are not found again (the token cache then says so).
    const damaged = statSync(file, { throwIfNoEntry: false }) !== undefined;
    place(file, { id: randomUUID(), folder: here, older: heldDataBefore(dir, dataFiles) ? [''] : [] }, !damaged);
    record = read(file);
    if (!record) throw new Error(`${file} could not be read back`);
  } else if (record.folder !== here) {
    const copy = isOriginal(record.folder, file, record.id);
    record = copy ? { id: randomUUID(), folder: here, older: [`${record.id}/`, ...record.older] } : { ...record, folder: here };
    place(file, record, false);
  }
  return { id: record.id, older: record.older };
}
