/** The renderer's only door to the main process: the typed bridge that the preload (or the browser host) installs. */
import { BRIDGE_GLOBAL } from '../shared/bridge-map';
import type { PalDeskBridge } from '../shared/ipc-contract';
import { inertBridge } from './inert-bridge';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: PalDeskBridge;
  }
}

const installed = typeof window === 'undefined' ? undefined : window[BRIDGE_GLOBAL];

/** The bridge (its answers' text made inert), or null when the page was opened outside PAL Desk (no preload, no browser host) or rendered in main. */
export const api: PalDeskBridge | null = installed ? inertBridge(installed) : null;
