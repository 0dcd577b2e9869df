/** Creates the main window with the hardened webPreferences literal, at its remembered size and place, and loads the app:// page. */
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { APP_ORIGIN } from './security-policy';
import { DEFAULT_SIZE, MIN_SIZE, type WindowState } from './window-state';

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindowType;
}

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  /** Where the window was last (already fitted to today's displays); absent: the default size, centred. */
  state?: WindowState;
}

/** The page the window opens: index.html of the built renderer, served by app-protocol.ts. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function createMainWindow(deps: MainWindowDeps, options: MainWindowOptions): BrowserWindowType {
  const bounds = options.state?.bounds ?? DEFAULT_SIZE;
  const win = new deps.BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'PAL Desk',
    backgroundColor: '#1f1f1f',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.devTools,
    },
  });
  win.once('ready-to-show', () => {
    if (options.state?.maximized) win.maximize();
    win.show();
  });
  // Always the app:// page with its CSP and first screen, never a dev server's: what ships is what developers run.
  void win.loadURL(APP_START_URL);
  return win;
}
