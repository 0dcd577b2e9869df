import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  rememberWindowState,
  saveWindowState,
  WINDOW_STATE_FILE,
  type DisplayArea,
  type WindowState,
} from '../../../src/main/shell/window-state';

const laptop: DisplayArea = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitorRight: DisplayArea = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const state = (x: number, y: number, width: number, height: number, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized });

describe('remembered window size and position', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(fitToDisplays(null, [laptop, monitorRight])).toEqual(state(80, 53, DEFAULT_SIZE.width, DEFAULT_SIZE.height));
  });

  it('reopens exactly where it was when that place is still on a display', () => {
    expect(fitToDisplays(state(1600, 100, 1800, 1000, true), [laptop, monitorRight])).toEqual(state(1600, 100, 1800, 1000, true));
  });

  it('moves back onto the primary display when the monitor it was on is unplugged, keeping the maximized state', () => {
    expect(fitToDisplays(state(1600, 100, 1800, 1000, true), [laptop])).toEqual({ ...fitToDisplays(null, [laptop]), maximized: true });
  });

  it('shrinks a window larger than its display and pulls a half-hidden one fully inside the work area', () => {
    expect(fitToDisplays(state(1000, 0, 2000, 2000), [laptop])).toEqual(state(0, 25, 1440, 875));
    expect(fitToDisplays(state(1200, 500, 1000, 700), [laptop])).toEqual(state(440, 200, 1000, 700));
  });

  it('ignores a damaged or foreign file', () => {
    expect(parseWindowState('{"bounds":')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"a"},"maximized":false}')).toBeNull();
    expect(parseWindowState(null)).toBeNull();
  });

  it('saves to the data folder, readable only by the user, and loads what it saved', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'window-state-'));
    expect(loadWindowState(dir, [laptop])).toEqual(fitToDisplays(null, [laptop]));
    saveWindowState(dir, state(100, 100, 1000, 700, true));
    expect(loadWindowState(dir, [laptop])).toEqual(state(100, 100, 1000, 700, true));
    expect(statSync(path.join(dir, WINDOW_STATE_FILE)).mode & 0o777).toBe(0o600);
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), 'not json');
    expect(loadWindowState(dir, [laptop])).toEqual(fitToDisplays(null, [laptop]));
  });

  it('records the normal bounds and maximized state when the window closes', () => {
    const listeners: Record<string, () => void> = {};
    const saved: WindowState[] = [];
    const win = {
      on: (event: 'close', listener: () => void) => (listeners[event] = listener),
      getNormalBounds: () => ({ x: 10, y: 20, width: 1000, height: 700 }),
      isMaximized: () => true,
    };
    rememberWindowState(win, (s) => saved.push(s));
    expect(saved).toEqual([]);
    listeners.close?.();
    expect(saved).toEqual([state(10, 20, 1000, 700, true)]);
  });
});
