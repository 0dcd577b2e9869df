/** The main window's size, position and maximized state: read from and written to a JSON file in userData, and kept on a visible display. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** A display as the shell sees it: its work area (the screen without task bar, dock or menu bar). */
export interface DisplayArea {
  workArea: Rect;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the title bar must be on a display for the saved position to be kept. */
const MIN_VISIBLE = { width: 160, height: 40 } as const;

const int = z.number().int().finite();
const schema = z.object({
  bounds: z.object({ x: int, y: int, width: int.positive(), height: int.positive() }),
  maximized: z.boolean(),
});

/** The saved state, or null when the text is missing, damaged or of another shape. */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const overlap = (a: Rect, b: Rect): Rect => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
};

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/** The default size, centred on the first (primary) display. */
export function defaultWindowState(displays: readonly DisplayArea[]): WindowState {
  const area = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return { bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }, maximized: false };
}

/**
 * Keeps a saved state usable on today's displays: the window goes to the display its title bar is on (or, if that display is
 * gone, the default place), is no larger than that display's work area and lies entirely inside it.
 */
export function fitToDisplays(saved: WindowState | null, displays: readonly DisplayArea[]): WindowState {
  if (!saved || displays.length === 0) return defaultWindowState(displays);
  const titleBar: Rect = { ...saved.bounds, height: Math.min(saved.bounds.height, MIN_VISIBLE.height) };
  const home = displays.find((d) => {
    const seen = overlap(titleBar, d.workArea);
    return seen.width >= Math.min(MIN_VISIBLE.width, saved.bounds.width) && seen.height > 0;
  });
  if (!home) return { ...defaultWindowState(displays), maximized: saved.maximized };
  const area = home.workArea;
  const width = clamp(saved.bounds.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(saved.bounds.height, Math.min(MIN_SIZE.height, area.height), area.height);
  const x = clamp(saved.bounds.x, area.x, area.x + area.width - width);
  const y = clamp(saved.bounds.y, area.y, area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

/** Reads the saved state from the data folder and fits it to the displays. */
export function loadWindowState(userDataDir: string, displays: readonly DisplayArea[]): WindowState {
  let text: string | null;
  try {
    text = readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    text = null;
  }
  return fitToDisplays(parseWindowState(text), displays);
}

/** Writes the state atomically (a temporary file renamed over the old one). */
export function saveWindowState(userDataDir: string, state: WindowState): void {
  mkdirSync(userDataDir, { recursive: true, mode: 0o700 });
  const file = path.join(userDataDir, WINDOW_STATE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** What the shell needs of a window to remember it. */
export interface TrackedWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** Saves the window's normal (unmaximized) bounds and maximized state when it closes. */
export function rememberWindowState(win: TrackedWindow, save: (state: WindowState) => void): void {
  win.on('close', () => save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
}
