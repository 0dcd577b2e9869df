import { readFileSync } from 'node:fs';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../src/main/shell/main-window';

const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

describe('npm start runs what ships', () => {
  it('builds main, preload and renderer, then runs Electron on that build instead of forge\'s Vite dev server', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toBe('node scripts/build.ts && electron .');
    expect(JSON.parse(read('package.json')).main).toBe('.vite/build/main.cjs');
  });

  it('never points the window at, or trusts, a dev server: the shell has no dev-server URL to load', () => {
    expect(read('src/main/main.ts')).not.toMatch(/VITE_DEV_SERVER_URL/);
  });

  it('opens the window on the hardened app:// page, whose handler adds the CSP and the first screen', () => {
    let loaded = '';
    class FakeWindow {
      once() {}
      loadURL(url: string) {
        loaded = url;
        return Promise.resolve();
      }
    }
    createMainWindow({ BrowserWindow: FakeWindow as unknown as typeof BrowserWindow }, { preloadPath: 'p', devTools: true });
    expect(loaded).toBe('app://pal-desk/index.html');
  });
});
