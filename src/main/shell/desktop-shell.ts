/** The desktop app's save dialog (Downloads by default, file written 0600) and "Show in folder", for the services. */
import type { Dialog, Shell } from 'electron';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DesktopShell } from '../desktop-shell';

export interface DesktopShellDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  downloadsDir: () => string;
}

export function createDesktopShell(deps: DesktopShellDeps): DesktopShell {
  return {
    saveFile: async (fileName, content) => {
      const extension = path.extname(fileName).slice(1);
      const chosen = await deps.dialog.showSaveDialog({
        title: 'Export from PAL Desk',
        defaultPath: path.join(deps.downloadsDir(), fileName),
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      });
      if (chosen.canceled || !chosen.filePath) return null;
      writeFileSync(chosen.filePath, content, { encoding: 'utf8', mode: 0o600 });
      chmodSync(chosen.filePath, 0o600);
      return chosen.filePath;
    },
    showInFolder: (fullPath) => deps.shell.showItemInFolder(fullPath),
  };
}
