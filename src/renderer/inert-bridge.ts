/** The bridge as the app's screens use it: every answer and event has customers' text made inert (no bidi overrides, control characters or escape sequences). */
import type { PalDeskBridge } from '../shared/ipc-contract';
import { inertStrings } from '../shared/printable';

/** Areas whose answers are passed on as main gave them: an export's file content is the evidence itself, not text on a screen. */
const AS_GIVEN = new Set(['exports']);

type Area = Record<string, (request?: unknown) => Promise<unknown>>;

/**
 * The same bridge whose answers and event payloads carry no character that could reorder or hide what a person reads: a name
 * like "Proseware \u202Egnp.exe" (shown "Proseware exe.png" by the browser's bidi algorithm) arrives as "Proseware gnp.exe".
 */
export function inertBridge(bridge: PalDeskBridge): PalDeskBridge {
  const areas = Object.entries(bridge as unknown as Record<string, Area | PalDeskBridge['on']>).map(([name, area]) => {
    if (typeof area === 'function' || AS_GIVEN.has(name)) return [name, area];
    const methods = Object.entries(area).map(([method, call]) => [method, async (request?: unknown) => inertStrings(await call(request))]);
    return [name, Object.freeze(Object.fromEntries(methods))];
  });
  const on: PalDeskBridge['on'] = (event, listener) => bridge.on(event, (payload) => listener(inertStrings(payload)));
  return Object.freeze({ ...Object.fromEntries(areas), on }) as PalDeskBridge;
}
