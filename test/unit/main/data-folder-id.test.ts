import { cpSync, mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolderId, FOLDER_ID_FILE } from '../../../src/main/secrets/data-folder-id';

const DATA_FILES = ['inventory.sqlite', 'token-cache.bin'];
const newFolder = () => path.join(mkdtempSync(path.join(tmpdir(), 'pal-folder-id-')), 'data');

describe("a data folder's keychain id", () => {
  it('is made once and kept: every later open gets the same id', () => {
    const dir = newFolder();
    const first = dataFolderId(dir, DATA_FILES);
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(dataFolderId(dir, DATA_FILES)).toEqual(first);
    expect(dataFolderId(path.join(dir, '.'), DATA_FILES)).toEqual(first);
  });

  it('looks under the names older releases shared only for a folder that held data before it had an id', () => {
    expect(dataFolderId(newFolder(), DATA_FILES).older).toEqual([]);
    for (const file of DATA_FILES) {
      const older = newFolder();
      mkdirSync(older);
      writeFileSync(path.join(older, file), 'written by an older release');
      expect(dataFolderId(older, DATA_FILES).older).toEqual(['']);
    }
  });

  it('stays the same when the folder is moved or reached through a link, so its secrets follow it', () => {
    const dir = newFolder();
    const { id } = dataFolderId(dir, DATA_FILES);
    const link = `${dir}-link`;
    symlinkSync(dir, link);
    expect(dataFolderId(link, DATA_FILES).id).toBe(id);
    expect(dataFolderId(dir, DATA_FILES).id).toBe(id);
    const moved = `${dir}-moved`;
    renameSync(dir, moved);
    expect(dataFolderId(moved, DATA_FILES)).toEqual({ id, older: [] });
  });

  it('is new for a copy while the original is still there, and looks under the original\'s names first', () => {
    const original = newFolder();
    mkdirSync(original);
    writeFileSync(path.join(original, 'inventory.sqlite'), '');
    const { id, older } = dataFolderId(original, DATA_FILES);
    const copy = `${original}-copy`;
    cpSync(original, copy, { recursive: true });

    const copied = dataFolderId(copy, DATA_FILES);

    expect(copied.id).not.toBe(id);
    expect(copied.older).toEqual([`${id}/`, ...older]);
    expect(dataFolderId(copy, DATA_FILES)).toEqual(copied);
    expect(dataFolderId(original, DATA_FILES)).toEqual({ id, older });
  });

  it('is made again when its file is damaged', () => {
    const dir = newFolder();
    const { id } = dataFolderId(dir, DATA_FILES);
    writeFileSync(path.join(dir, FOLDER_ID_FILE), '{"id": 4');
    expect(dataFolderId(dir, DATA_FILES).id).not.toBe(id);
  });
});
