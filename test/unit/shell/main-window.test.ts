import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createMainWindow } from '../../../src/main/shell/main-window';

/** A stand-in for electron's BrowserWindow that records what it was built with. */
function fakeBrowserWindow() {
  const built: { options?: Electron.BrowserWindowConstructorOptions; loaded?: string; calls: string[]; ready?: () => void } = { calls: [] };
  class FakeWindow {
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      built.options = options;
    }
    once(_event: string, listener: () => void) {
      built.ready = listener;
    }
    maximize() {
      built.calls.push('maximize');
    }
    show() {
      built.calls.push('show');
    }
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
    createMainWindow({ BrowserWindow }, { preloadPath: '/app/preload.cjs', devTools: false });
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
    createMainWindow({ BrowserWindow }, { preloadPath: 'p', devTools: true });
    expect(built.loaded).toBe('app://pal-desk/index.html');
    expect(built.options?.webPreferences?.devTools).toBe(true);
  });

  it('opens at its remembered size and place, maximized again before it is shown when it was closed maximized', () => {
    const { BrowserWindow, built } = fakeBrowserWindow();
    const bounds = { x: 40, y: 60, width: 1000, height: 700 };
    createMainWindow({ BrowserWindow }, { preloadPath: 'p', devTools: false, state: { bounds, maximized: true } });
    expect(built.options).toMatchObject({ ...bounds, minWidth: 900, minHeight: 600, show: false });
    built.ready?.();
    expect(built.calls).toEqual(['maximize', 'show']);
  });

  it('opens at the default size the first time', () => {
    const { BrowserWindow, built } = fakeBrowserWindow();
    createMainWindow({ BrowserWindow }, { preloadPath: 'p', devTools: false });
    expect(built.options).toMatchObject({ width: 1280, height: 820 });
    built.ready?.();
    expect(built.calls).toEqual(['show']);
  });
});
