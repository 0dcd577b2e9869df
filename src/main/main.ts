/** Electron entry point: single instance, sandbox, app:// protocol, hardened window, IPC wiring. Thin on purpose. */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { EmitEvent, Handlers } from '../shared/ipc-contract';
import { startCloud } from './cloud-config';
import { createFirstScreen } from './first-screen/first-screen-page';
import { createLogger } from './logger';
import { AppFailure } from '../shared/result';
import { buildMenuTemplate } from './shell/app-menu';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol';
import { guardSession, installGuards } from './shell/guards';
import { registerIpcHandlers } from './shell/ipc-main';
import { createDesktopShell } from './shell/desktop-shell';
import { electronNetwork } from './shell/electron-network';
import { createMainWindow } from './shell/main-window';
import { handleSquirrelEvent } from './shell/squirrel-startup';
import { createOpenExternalSafe } from './shell/open-external';
import { APP_ORIGIN, externalHostAllowList } from './shell/security-policy';
import { loadWindowState, rememberWindowState, saveWindowState } from './shell/window-state';
import { startAppServices } from './startup';

const log = createLogger();
// First thing: when the Windows installer runs the app for a --squirrel-* event, make or remove shortcuts and quit.
const squirrel = { platform: process.platform, argv: process.argv, execPath: process.execPath, spawn, quit: () => app.quit() };
if (!handleSquirrelEvent(squirrel)) {
  app.enableSandbox();
  registerAppScheme(protocol);
  if (!app.requestSingleInstanceLock()) app.quit();
  else void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  // PAL_DESK_CLOUD wins; else the cloud saved in Settings; else the commercial cloud.
  const { cloud, source: cloudSource } = startCloud({
    cloudId: process.env.PAL_DESK_CLOUD,
    simProfilePath: process.env.PAL_DESK_SIM_PROFILE,
    allowSim: !app.isPackaged,
    userDataDir: app.getPath('userData'),
  });
  // Packaged or not (npm start runs the built app), the window shows only the hardened app:// page: no dev-server origin.
  const appOrigins = [APP_ORIGIN];
  const allowedHosts = externalHostAllowList(cloud);
  const openExternalSafe = createOpenExternalSafe((url) => shell.openExternal(url), allowedHosts, log); // eng-disable OPEN_EXTERNAL_JS_CHECK -- wrapped by createOpenExternalSafe, which opens only https URLs on the allow-list

  guardSession(session.defaultSession);
  installGuards(app, { appOrigins, openExternalSafe });
  let handlers: Handlers | null = null;
  const firstScreen = createFirstScreen(log);
  serveAppProtocol(protocol, net, path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`), async (template) => (handlers ? firstScreen.page(template, handlers) : null));

  let win: BrowserWindow | null = null;
  const emit: EmitEvent = (event, payload) => win?.webContents.send(event, payload);
  const started = await startAppServices({
    userDataDir: app.getPath('userData'),
    cloud,
    cloudSource,
    host: 'electron',
    version: app.getVersion(),
    log,
    emit,
    clientId: process.env.PAL_DESK_CLIENT_ID,
    queueRetryMs: 30_000,
    // Sign-in and every API call through Chromium's network: the OS proxy, PAC file and certificate store.
    network: electronNetwork(net, cloud),
    desktop: createDesktopShell({ dialog, shell, downloadsDir: () => app.getPath('downloads') }),
    openBrowser: async (url) => {
      if (!(await openExternalSafe(url))) throw new AppFailure('internal', 'The sign-in page is not on the list of Microsoft sign-in hosts PAL Desk may open.');
    },
  }).catch((error: unknown) => {
    // The inventory busy or damaged at start (another PAL Desk has it): say so and quit, not a silent window-less process.
    if (!(error instanceof AppFailure)) throw error;
    dialog.showErrorBox('PAL Desk could not start', error.message);
    app.quit();
    return null;
  });
  if (!started) return;
  const services = started;
  handlers = services.handlers;
  firstScreen.warm(services.handlers);
  registerIpcHandlers(ipcMain, services.handlers, { trustedWebContentsId: () => win?.webContents.id ?? null, appOrigins }, log);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.name,
        dev: !app.isPackaged,
        navigate: (page) => emit('menu:navigate', { page }),
        openExternal: (url) => void openExternalSafe(url),
      }),
    ),
  );
  const userDataDir = app.getPath('userData');

  const openWindow = () => {
    win = createMainWindow(
      { BrowserWindow },
      {
        preloadPath: path.join(__dirname, 'preload.cjs'),
        devTools: !app.isPackaged,
        state: loadWindowState(userDataDir, screen.getAllDisplays()),
      },
    );
    rememberWindowState(win, (state) => {
      try {
        saveWindowState(userDataDir, state);
      } catch (error) {
        log.warn('shell.window-state-not-saved', { message: error instanceof Error ? error.message : String(error) });
      }
    });
    win.on('closed', () => (win = null));
  };
  openWindow();

  app.on('second-instance', () => {
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void services.close());
}
