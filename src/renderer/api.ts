/** The renderer's only door to the main process: the typed bridge that the preload (or the browser host) installs. */
import { BRIDGE_GLOBAL } from '../shared/bridge-map';
import type { PalDeskBridge } from '../shared/ipc-contract';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: PalDeskBridge;
  }
}

/** The bridge, or null when the page was opened outside PAL Desk (no preload, no browser host) or rendered in main. */
export const api: PalDeskBridge | null = typeof window === 'undefined' ? null : (window[BRIDGE_GLOBAL] ?? null);
