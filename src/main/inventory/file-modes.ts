/** Keeps the inventory private to its owner: the data folder 0700, the database and its -wal/-shm files 0600 (skipped on Windows). */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

const posix = process.platform !== 'win32';

/** Creates the data folder and an empty database file, both private, before SQLite opens it (SQLite gives -wal/-shm the database file's mode). */
export function prepareDatabaseFile(file: string): void {
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  securePaths(file);
}

/** Restricts the data folder, the database and whichever of its -wal/-shm files exist (for folders and files made by older releases). */
export function securePaths(file: string): void {
  if (!posix) return;
  chmodSync(path.dirname(file), 0o700);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
}
