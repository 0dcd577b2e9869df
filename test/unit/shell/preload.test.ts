import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_MAP } from '../../../src/shared/bridge-map';
import type { PalDeskBridge } from '../../../src/shared/ipc-contract';

const exposed: Record<string, unknown> = {};
const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
}));

/** The bridge as plain data: area → method → function, plus `on`. */
type LooseBridge = Record<string, Record<string, (request?: unknown) => Promise<unknown>>>;

describe('preload bridge', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../../src/preload/preload');
  });

  const bridge = () => exposed.palDesk as PalDeskBridge;
  const loose = () => exposed.palDesk as LooseBridge;

  it('exposes exactly the contract methods, by area, plus event subscription, never ipcRenderer', () => {
    expect(Object.keys(bridge()).sort()).toEqual([...Object.keys(BRIDGE_MAP), 'on'].sort());
    for (const [area, methods] of Object.entries(BRIDGE_MAP)) {
      expect(Object.keys(loose()[area] ?? {}).sort(), area).toEqual(Object.keys(methods).sort());
      for (const fn of Object.values(loose()[area] ?? {})) expect(typeof fn, area).toBe('function');
      expect(Object.values(loose()[area] ?? {})).not.toContain(ipcRenderer.invoke);
    }
    expect(Object.values(bridge())).not.toContain(ipcRenderer);
  });

  it('sends each method to its contract channel, with the request unchanged', async () => {
    await bridge().settings.setPartnerId({ partnerId: '1234567' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('settings:set-partner-id', { partnerId: '1234567' });
    for (const [area, methods] of Object.entries(BRIDGE_MAP)) {
      for (const [method, channel] of Object.entries(methods)) {
        const request = { probe: `${area}.${method}` };
        await loose()[area]?.[method]?.(request);
        const [sentChannel, ...rest] = ipcRenderer.invoke.mock.lastCall as unknown[];
        expect(sentChannel, `${area}.${method}`).toBe(channel);
        expect(rest.length === 0 || rest[0] === request, `${area}.${method}`).toBe(true);
      }
    }
  });

  it('gives event listeners the payload only, not the IPC event object', () => {
    const listener = vi.fn();
    bridge().on('settings:changed', listener);
    const forward = ipcRenderer.on.mock.calls.at(-1)?.[1] as (event: unknown, payload: unknown) => void;
    forward({ sender: 'ipc internals' }, { partnerId: '99999' });
    expect(listener).toHaveBeenCalledWith({ partnerId: '99999' });
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('refuses to subscribe to events outside the contract', () => {
    expect(() => bridge().on('shell:exec' as never, () => {})).toThrow(/Unknown event/);
  });
});
