import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleSquirrelEvent } from '../../../src/main/shell/squirrel-startup';

const exe = 'C:\\Users\\ana\\AppData\\Local\\pal_desk\\app-0.1.0\\pal-desk.exe';
const updateExe = 'C:\\Users\\ana\\AppData\\Local\\pal_desk\\Update.exe';

/** A stand-in for child_process.spawn: records what was started and lets the test end it. */
function spawnStandIn() {
  const started: { command: string; args: string[]; detached: boolean; child: EventEmitter }[] = [];
  const spawn = (command: string, args: string[], options: { detached: boolean }) => {
    const child = new EventEmitter();
    started.push({ command, args, detached: options.detached, child });
    return child;
  };
  return { spawn, started };
}

function start(argv: string[], platform: NodeJS.Platform = 'win32') {
  const { spawn, started } = spawnStandIn();
  const quit = vi.fn();
  const handled = handleSquirrelEvent({ platform, argv: [exe, ...argv], execPath: exe, spawn, quit });
  return { handled, started, quit };
}

describe('Squirrel.Windows installer events', () => {
  it.each([
    ['--squirrel-install', '--createShortcut=pal-desk.exe'],
    ['--squirrel-updated', '--createShortcut=pal-desk.exe'],
    ['--squirrel-uninstall', '--removeShortcut=pal-desk.exe'],
  ])('on %s, asks Update.exe beside the app folder for %s, then quits when it is done', (event, updateArg) => {
    const { handled, started, quit } = start([event]);
    expect(handled).toBe(true);
    expect(started.map(({ command, args, detached }) => ({ command, args, detached }))).toEqual([{ command: updateExe, args: [updateArg], detached: true }]);
    expect(quit).not.toHaveBeenCalled();
    started[0]!.child.emit('close', 0);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('quits even when Update.exe cannot be started, so the installer is not left waiting', () => {
    const { started, quit } = start(['--squirrel-install']);
    started[0]!.child.emit('error', new Error('spawn ENOENT'));
    started[0]!.child.emit('close', -2);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('on --squirrel-obsolete (an older version being replaced), quits at once and starts nothing', () => {
    const { handled, started, quit } = start(['--squirrel-obsolete', '0.1.0']);
    expect(handled).toBe(true);
    expect(started).toEqual([]);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('starts the app normally on its first run after install, with no flag, and on macOS and Linux', () => {
    for (const run of [start(['--squirrel-firstrun']), start([]), start(['--squirrel-install'], 'darwin'), start(['--squirrel-install'], 'linux')]) {
      expect(run.handled).toBe(false);
      expect(run.started).toEqual([]);
      expect(run.quit).not.toHaveBeenCalled();
    }
  });
});

/** Stand-ins for Electron's main-process modules: every use is recorded, a window would be constructed through BrowserWindow. */
const calls: string[] = [];
const spawned: { command: string; args: string[]; child: EventEmitter }[] = [];
vi.mock('electron', () => {
  const record = (name: string) => vi.fn((..._args: unknown[]) => void calls.push(name));
  return {
    app: {
      quit: record('app.quit'),
      enableSandbox: record('app.enableSandbox'),
      requestSingleInstanceLock: vi.fn(() => (calls.push('app.requestSingleInstanceLock'), true)),
      whenReady: vi.fn(() => (calls.push('app.whenReady'), new Promise(() => undefined))),
      on: record('app.on'),
    },
    BrowserWindow: vi.fn(function BrowserWindow() {
      calls.push('new BrowserWindow');
    }),
    protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'), handle: record('protocol.handle') },
    dialog: {},
    ipcMain: {},
    Menu: {},
    net: {},
    screen: {},
    session: {},
    shell: {},
  };
});
vi.mock('node:child_process', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:child_process')>()),
  spawn: vi.fn((command: string, args: string[]) => {
    const child = new EventEmitter();
    spawned.push({ command, args, child });
    return child;
  }),
}));

describe('the Electron entry point during a Squirrel event', () => {
  const platform = process.platform;
  const argv = process.argv;
  afterEach(() => {
    Object.defineProperty(process, 'platform', { value: platform });
    process.argv = argv;
  });

  it('handles --squirrel-install before anything else and quits without a window or app services', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    process.argv = [process.execPath, '--squirrel-install'];
    await import('../../../src/main/main');

    expect(spawned.map(({ args }) => args)).toEqual([[expect.stringMatching(/^--createShortcut=/)]]);
    expect(calls).toEqual([]);
    spawned[0]!.child.emit('close', 0);
    expect(calls).toEqual(['app.quit']);
  });
});
