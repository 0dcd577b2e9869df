import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_METHODS, type PalDeskBridge } from '../../../src/shared/ipc-contract';

const exposed: Record<string, unknown> = {};
const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../../src/preload/preload');
  });

  const bridge = () => exposed.palDesk as PalDeskBridge;

  it('exposes exactly the contract methods plus event subscription, never ipcRenderer', () => {
    expect(Object.keys(bridge()).sort()).toEqual([...Object.keys(BRIDGE_METHODS), 'on'].sort());
    expect(Object.values(bridge())).not.toContain(ipcRenderer);
  });

  it('sends each method to its contract channel, with the request unchanged', async () => {
    await bridge().setPartnerId({ partnerId: '1234567' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('settings:set-partner-id', { partnerId: '1234567' });
    for (const [method, channel] of Object.entries(BRIDGE_METHODS)) {
      const request = { probe: method };
      await (bridge()[method as keyof typeof BRIDGE_METHODS] as (r: unknown) => Promise<unknown>)(request);
      const [sentChannel, ...rest] = ipcRenderer.invoke.mock.lastCall as unknown[];
      expect(sentChannel).toBe(channel);
      expect(rest.length === 0 || rest[0] === request, method).toBe(true);
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
