/** Generates the browser host's stand-in for the preload: `window.palDesk` with the contract's named functions over loopback HTTP. */
import { BRIDGE_GLOBAL, BRIDGE_METHODS, EVENT_NAMES } from '../../shared/ipc-contract';

export const BRIDGE_SCRIPT_PATH = '/__pal/bridge.js';
export const INVOKE_PATH = '/__pal/invoke/';
export const EVENTS_PATH = '/__pal/events';
export const KEY_HEADER = 'x-pal-desk-key';
/** Host-only event: open a sign-in page in a new tab (the page never sees it as an app event). */
export const OPEN_URL_EVENT = '__open-url';

/** The script text. The per-run key arrives in the URL fragment (never sent to the server) and is kept in sessionStorage. */
export function bridgeScript(): string {
  const methods = Object.entries(BRIDGE_METHODS)
    .map(([name, channel]) => `    ${JSON.stringify(name)}: (payload) => invoke(${JSON.stringify(channel)}, payload),`)
    .join('\n');
  return `'use strict';
(() => {
  const fragment = new URLSearchParams(location.hash.slice(1));
  let key = fragment.get('k');
  if (key) {
    sessionStorage.setItem('palDeskKey', key);
    history.replaceState(null, '', location.pathname + location.search);
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
  Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, {
    value: Object.freeze({
${methods}
    on,
    }),
  });
})();
`;
}
