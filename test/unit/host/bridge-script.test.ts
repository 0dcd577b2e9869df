import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BRIDGE_SCRIPT_PATH, bridgeScript, EVENTS_PATH, INVOKE_PATH, KEY_HEADER } from '../../../src/main/host/bridge-script';
import { buildBridge } from '../../../src/shared/bridge-map';

type Listener = (message: { data: string }) => void;

/** Runs the host's bridge script in a page stand-in and returns what it installed, with the requests it sent. */
function loadPageBridge() {
  const requests: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const storage = new Map<string, string>();
  const streams: string[] = [];
  const addresses: string[] = [];
  const page: Record<string, unknown> = {
    URLSearchParams,
    location: { hash: '', pathname: '/', search: '?k=run-key' },
    history: { replaceState: (_state: unknown, _title: string, url: string) => void addresses.push(url) },
    sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    fetch: async (url: string, init: { headers: Record<string, string>; body: string }) => {
      requests.push({ url, headers: init.headers, body: JSON.parse(init.body) });
      return { json: async () => ({ ok: true, value: null }) };
    },
    EventSource: class {
      constructor(url: string) {
        streams.push(url);
      }
      addEventListener(event: string, listener: Listener) {
        listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      }
      removeEventListener(event: string, listener: Listener) {
        listeners.get(event)?.delete(listener);
      }
    },
  };
  page.window = page;
  vm.runInNewContext(bridgeScript(), page, { filename: BRIDGE_SCRIPT_PATH });
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener({ data: JSON.stringify(payload) }));
  return { bridge: page.palDesk as Record<string, Record<string, (request?: unknown) => Promise<unknown>>>, requests, streams, emit, addresses };
}

/** Area → sorted method names (`on` as its own entry), the shape both bridges must share. */
const shapeOf = (bridge: object) =>
  Object.fromEntries(
    Object.entries(bridge)
      .map(([key, value]) => [key, typeof value === 'function' ? 'function' : Object.keys(value as object).sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe('browser host bridge script', () => {
  it('installs the same bridge shape as the preload: the same areas, the same methods in each, and on', () => {
    const preloadShape = shapeOf(buildBridge(async () => null, () => () => {}));
    expect(shapeOf(loadPageBridge().bridge)).toEqual(preloadShape);
  });

  it('posts each method to its contract channel with the request unchanged and the per-run key', async () => {
    const { bridge, requests } = loadPageBridge();
    const seen: string[] = [];
    const preload = buildBridge(async (channel) => void seen.push(channel), () => () => {}) as unknown as typeof bridge;
    for (const [area, methods] of Object.entries(preload)) {
      if (typeof methods === 'function') continue;
      for (const method of Object.keys(methods)) {
        const request = { probe: `${area}.${method}` };
        await preload[area]?.[method]?.(request);
        await bridge[area]?.[method]?.(request);
        expect(requests.at(-1)?.url, `${area}.${method}`).toBe(`.${INVOKE_PATH}${seen.at(-1)}`);
        expect(requests.at(-1)?.body, `${area}.${method}`).toEqual({ payload: request });
        expect(requests.at(-1)?.headers[KEY_HEADER]).toBe('run-key');
      }
    }
  });

  it('takes the per-run key off the page address at once', () => {
    expect(loadPageBridge().addresses).toEqual(['/']);
  });

  it('gives event listeners the payload only and refuses events outside the contract', () => {
    const { bridge, streams, emit } = loadPageBridge();
    expect(streams).toEqual([`.${EVENTS_PATH}?k=run-key`]);
    const on = bridge.on as unknown as (event: string, listener: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const off = on('settings:changed', (...args) => received.push(args));
    emit('settings:changed', { partnerId: '99999' });
    off();
    emit('settings:changed', { partnerId: '1' });
    expect(received).toEqual([[{ partnerId: '99999' }]]);
    expect(() => on('shell:exec', () => {})).toThrow(/Unknown event/);
  });
});
