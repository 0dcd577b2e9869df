/** Windows installer events: Squirrel starts the app with --squirrel-* to make or remove its shortcuts; do that and quit. */
import path from 'node:path';

/** What Update.exe is asked to do for each event Squirrel.Windows sends (null: nothing to do, just quit). */
const updateArgs = (exe: string): Record<string, string[] | null> => ({
  '--squirrel-install': [`--createShortcut=${exe}`],
  '--squirrel-updated': [`--createShortcut=${exe}`],
  '--squirrel-uninstall': [`--removeShortcut=${exe}`],
  '--squirrel-obsolete': null,
});

/** The parts of Node and Electron this needs, so tests can stand in for them. */
export interface SquirrelStartup {
  platform: NodeJS.Platform;
  argv: readonly string[];
  execPath: string;
  spawn: (command: string, args: string[], options: { detached: boolean }) => { on(event: 'close' | 'error', listener: () => void): unknown };
  quit: () => void;
}

/**
 * True when this start is a Squirrel.Windows event: the app then starts nothing and quits once Update.exe (one folder
 * above the app's own folder) has made or removed the shortcuts, as Squirrel expects within 15 s. `--squirrel-firstrun`
 * is a normal start. Same contract as the electron-squirrel-startup package, with the process parts passed in.
 */
export function handleSquirrelEvent(deps: SquirrelStartup): boolean {
  if (deps.platform !== 'win32') return false;
  const event = deps.argv[1] ?? '';
  const exe = path.win32.basename(deps.execPath);
  const table = updateArgs(exe);
  if (!Object.hasOwn(table, event)) return false;
  const args = table[event];
  if (!args) {
    deps.quit();
    return true;
  }
  const updateExe = path.win32.resolve(path.win32.dirname(deps.execPath), '..', 'Update.exe');
  let quitting = false;
  const quitOnce = (): void => {
    if (quitting) return;
    quitting = true;
    deps.quit();
  };
  const child = deps.spawn(updateExe, args, { detached: true });
  child.on('close', quitOnce);
  // A missing or failing Update.exe must not leave the installer waiting on an app that never quits.
  child.on('error', quitOnce);
  return true;
}
