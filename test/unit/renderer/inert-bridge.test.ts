import { describe, expect, it } from 'vitest';
import { buildBridge } from '../../../src/shared/bridge-map';
import { inertBridge } from '../../../src/renderer/inert-bridge';

const SPOOF = 'Proseware \u202egnp.exe';

/** A bridge as the preload builds it, over a main that answers every request with `answer(channel)` and lets the test emit events. */
function bridgeOver(answer: (channel: string) => unknown) {
  const listeners = new Set<(payload: unknown) => void>();
  const bridge = buildBridge(
    async (channel) => answer(channel),
    (_event, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
  return { bridge: inertBridge(bridge), emit: (payload: unknown) => listeners.forEach((l) => l(payload)) };
}

describe('the bridge the app’s screens use', () => {
  it('hands the screens a tenant whose name holds a right-to-left override without it, so it reads as stored', async () => {
    const { bridge } = bridgeOver(() => ({ ok: true, value: [{ tenantId: 't-1', displayName: SPOOF, label: null, accounts: [{ username: 'ana@\u202ecom.evil' }] }] }));
    expect(await bridge.tenants.list()).toEqual({ ok: true, value: [{ tenantId: 't-1', displayName: 'Proseware gnp.exe', label: null, accounts: [{ username: 'ana@com.evil' }] }] });
  });

  it('makes the names in events inert too (a job’s progress names its tenant)', () => {
    const { bridge, emit } = bridgeOver(() => null);
    const seen: unknown[] = [];
    bridge.on('job:progress', (payload) => seen.push(payload));
    emit({ jobId: 'j', tenantId: 't-1', tenantName: `${SPOOF}\x1b]0;title\x07`, status: 'done' });
    expect(seen).toEqual([{ jobId: 'j', tenantId: 't-1', tenantName: 'Proseware gnp.exe', status: 'done' }]);
  });

  it('passes an export’s file on as main wrote it (the evidence is the data, not text on a screen)', async () => {
    const file = { ok: true, value: { outcome: 'download', fileName: 'pal-desk-evidence.json', mimeType: 'application/json', content: `{"name":"${SPOOF}"}` } };
    const { bridge } = bridgeOver(() => file);
    expect(await bridge.exports.save({ what: 'all', format: 'json' })).toEqual(file);
  });
});
