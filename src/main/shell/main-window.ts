/** Creates the main window with the hardened webPreferences literal and loads the app page. */
import type { BrowserWindow as BrowserWindowType } from 'electron';

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindowType;
}

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  devTools: boolean;
}

export function createMainWindow(deps: MainWindowDeps, options: MainWindowOptions): BrowserWindowType {
  const win = new deps.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.startUrl);
  return win;
}
