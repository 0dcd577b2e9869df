import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createMainWindow } from '../../../src/main/shell/main-window';

/** A stand-in for electron's BrowserWindow that records what it was built with. */
function fakeBrowserWindow() {
  const built: { options?: Electron.BrowserWindowConstructorOptions; loaded?: string } = {};
  class FakeWindow {
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      built.options = options;
    }
    once() {}
    loadURL(url: string) {
      built.loaded = url;
      return Promise.resolve();
    }
  }
  return { BrowserWindow: FakeWindow as unknown as typeof BrowserWindow, built };
}

describe('main window', () => {
  it('is created with context isolation, the sandbox and no Node integration anywhere', () => {
    const { BrowserWindow, built } = fakeBrowserWindow();
    createMainWindow({ BrowserWindow }, { preloadPath: '/app/preload.cjs', startUrl: 'app://pal-desk/index.html', devTools: false });
    expect(built.options?.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('loads the app page from the app:// origin, not file://', () => {
    const { BrowserWindow, built } = fakeBrowserWindow();
    createMainWindow({ BrowserWindow }, { preloadPath: 'p', startUrl: 'app://pal-desk/index.html', devTools: true });
    expect(built.loaded).toBe('app://pal-desk/index.html');
    expect(built.options?.webPreferences?.devTools).toBe(true);
  });
});
