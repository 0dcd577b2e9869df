/** Keeps PAL Desk's files private to their owner: the data folder 0700, the database and its -wal/-shm files 0600, exports 0600 (modes skipped on Windows). */
import { chmodSync, closeSync, existsSync, fchmodSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
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

/** Writes a file only its owner can read, as new or over an existing one (whose mode is changed before anything is written to it). */
export function writePrivateFile(file: string, content: string): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    if (posix) fchmodSync(fd, 0o600);
    writeFileSync(fd, content, 'utf8');
  } finally {
    closeSync(fd);
  }
}
