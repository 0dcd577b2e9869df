import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesktopShell } from '../../../src/main/shell/desktop-shell';

/** A stand-in for Electron's save dialog that answers with a path (or a cancel) and records what it was asked. */
function dialogAnswering(answer: { canceled: boolean; filePath?: string }) {
  const asked: Electron.SaveDialogOptions[] = [];
  const dialog = { showSaveDialog: async (options: Electron.SaveDialogOptions) => (asked.push(options), { canceled: answer.canceled, filePath: answer.filePath ?? '' }) };
  return { dialog: dialog as never, asked };
}

describe('the desktop save dialog for exports', () => {
  it('offers the file name in Downloads and writes the file readable by this user only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pal-save-'));
    const target = path.join(dir, 'chosen.csv');
    const { dialog, asked } = dialogAnswering({ canceled: false, filePath: target });
    const shell = createDesktopShell({ dialog, shell: { showItemInFolder: () => undefined }, downloadsDir: () => '/home/ana/Downloads' });

    expect(await shell.saveFile('pal-desk-checklist-2026-11-25.csv', 'a,b\n')).toBe(target);
    expect(asked[0]).toMatchObject({ defaultPath: '/home/ana/Downloads/pal-desk-checklist-2026-11-25.csv', filters: [{ extensions: ['csv'] }] });
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('writes nothing and says so when the person cancels', async () => {
    const { dialog } = dialogAnswering({ canceled: true });
    const shell = createDesktopShell({ dialog, shell: { showItemInFolder: () => undefined }, downloadsDir: () => tmpdir() });
    expect(await shell.saveFile('pal-desk-audit-log-2026-11-25.json', '{}')).toBeNull();
  });

  it('shows the data folder in the OS file manager', () => {
    const shown: string[] = [];
    const shell = createDesktopShell({ dialog: dialogAnswering({ canceled: true }).dialog, shell: { showItemInFolder: (p) => void shown.push(p) }, downloadsDir: () => tmpdir() });
    shell.showInFolder('/data/inventory.sqlite');
    expect(shown).toEqual(['/data/inventory.sqlite']);
  });
});
