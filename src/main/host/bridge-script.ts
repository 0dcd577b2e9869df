/** Generates the browser host's stand-in for the preload: `window.palDesk` built from the bridge map, by area, over loopback HTTP. */
import { BRIDGE_GLOBAL, BRIDGE_MAP, EVENT_NAMES } from '../../shared/bridge-map';

export const BRIDGE_SCRIPT_PATH = '/__pal/bridge.js';
export const INVOKE_PATH = '/__pal/invoke/';
export const EVENTS_PATH = '/__pal/events';
export const KEY_HEADER = 'x-pal-desk-key';
/** Host-only event: open a sign-in page in a new tab (the page never sees it as an app event). */
export const OPEN_URL_EVENT = '__open-url';

/** The script text. The per-run key arrives in the page's URL (`?k=`), is taken off it at once and kept in sessionStorage. */
export function bridgeScript(): string {
  return `'use strict';
(() => {
  const query = new URLSearchParams(location.search);
  let key = query.get('k');
  if (key) {
    sessionStorage.setItem('palDeskKey', key);
    query.delete('k');
    const rest = query.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  } else {
    key = sessionStorage.getItem('palDeskKey') || '';
  }
  const unreachable = { ok: false, error: { code: 'offline', message: 'The PAL Desk host is not responding. Check that it is still running, then reload.' } };
  const invoke = async (channel, payload) => {
    try {
      const response = await fetch(${JSON.stringify(`.${INVOKE_PATH}`)} + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(KEY_HEADER)}: key },
        body: JSON.stringify({ payload }),
      });
      return await response.json();
    } catch {
      return unreachable;
    }
  };
  const events = ${JSON.stringify(EVENT_NAMES)};
  const source = new EventSource(${JSON.stringify(`.${EVENTS_PATH}`)} + '?k=' + encodeURIComponent(key));
  source.addEventListener(${JSON.stringify(OPEN_URL_EVENT)}, (message) => {
    const url = JSON.parse(message.data);
    if (typeof url === 'string' && url.startsWith('https://')) window.open(url, '_blank', 'noopener');
  });
  const on = (event, listener) => {
    if (!events.includes(event)) throw new Error('Unknown event ' + event);
    const forward = (message) => listener(JSON.parse(message.data));
    source.addEventListener(event, forward);
    return () => source.removeEventListener(event, forward);
  };
  const areas = Object.entries(${JSON.stringify(BRIDGE_MAP)}).map(([area, methods]) => [
    area,
    Object.freeze(Object.fromEntries(Object.entries(methods).map(([method, channel]) => [method, (payload) => invoke(channel, payload)]))),
  ]);
  Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, {
    value: Object.freeze({ ...Object.fromEntries(areas), on }),
  });
})();
`;
}
