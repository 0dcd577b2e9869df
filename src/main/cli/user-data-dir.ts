/** The folder the desktop app keeps its data in (Electron's userData for "PAL Desk"), so the CLI shares its inventory. */
import { homedir } from 'node:os';
import path from 'node:path';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'PAL Desk');
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'PAL Desk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'PAL Desk');
}
