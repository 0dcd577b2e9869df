import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../src/shared/ipc-contract';
import { AppFailure } from '../../../src/shared/result';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { silentLogger } from '../../../src/main/logger';

const handlers = (overrides: Partial<Handlers> = {}): Handlers =>
  ({
  'app:info': async () => ({ name: 'PAL Desk', version: '0', host: 'browser-host', cloud: { id: 'sim', label: 'Sim' }, platform: 'linux' }),
  'settings:get': async () => ({ partnerId: null }),
    'settings:set-partner-id': async ({ partnerId }: { partnerId: string }) => ({ partnerId }),
    ...overrides,
  }) as Handlers;

describe('IPC dispatch', () => {
  it('passes a valid payload to the handler and wraps the answer in an ok result', async () => {
    const result = await dispatch(handlers(), 'settings:set-partner-id', { partnerId: '1234567' }, silentLogger);
    expect(result).toEqual({ ok: true, value: { partnerId: '1234567' } });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const result = await dispatch(handlers(), 'shell:exec', { cmd: 'rm -rf /' }, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('rejects a malformed payload before the handler runs', async () => {
    const spy = vi.fn(async () => ({ partnerId: 'x', clientId: null, cloudId: null }));
    for (const payload of [undefined, { partnerId: 42 }, { partnerId: '1', extra: true }, { partnerId: 'x'.repeat(500) }]) {
      const result = await dispatch(handlers({ 'settings:set-partner-id': spy }), 'settings:set-partner-id', payload, silentLogger);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects a payload on a channel that takes none', async () => {
    const result = await dispatch(handlers(), 'app:info', { anything: 1 }, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns an expected failure into its code and human message', async () => {
    const failing = handlers({
      'settings:get': async () => {
        throw new AppFailure('keychain-locked', 'Unlock your keychain, then try again.');
      },
    });
    expect(await dispatch(failing, 'settings:get', undefined, silentLogger)).toEqual({
      ok: false,
      error: { code: 'keychain-locked', message: 'Unlock your keychain, then try again.' },
    });
  });

  it('hides the details of an unexpected error behind a generic message', async () => {
    const failing = handlers({
      'settings:get': async () => {
        throw new Error('secret stack detail at /home/user/token.json');
      },
    });
    const result = await dispatch(failing, 'settings:get', undefined, silentLogger);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/secret stack detail|token\.json/);
    expect(result).toMatchObject({ error: { code: 'internal' } });
  });
});
