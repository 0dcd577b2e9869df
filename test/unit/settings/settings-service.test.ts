import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/result';
import { SettingsService, type SettingsStore } from '../../../src/main/settings/settings-service';

const memory = (): SettingsStore => {
  const values = new Map<string, unknown>();
  return { get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
};

describe('settings', () => {
  it('stores a trimmed partner ID and tells the window', () => {
    const events: unknown[] = [];
    const settings = new SettingsService(memory(), (_e, p) => events.push(p));
    expect(settings.setPartnerId(' 1234567 ')).toEqual({ partnerId: '1234567', clientId: null, cloudId: null });
    expect(events).toEqual([{ partnerId: '1234567', clientId: null, cloudId: null }]);
  });

  it('keeps the previous partner ID when the new one is invalid', () => {
    const settings = new SettingsService(memory(), () => {});
    settings.setPartnerId('1234567');
    expect(() => settings.setPartnerId('12-34')).toThrow(AppFailure);
    expect(settings.get().partnerId).toBe('1234567');
  });

  it('accepts a GUID as the sign-in client ID, clears it when empty, and explains anything else', () => {
    const settings = new SettingsService(memory(), () => {});
    expect(settings.setClientId(' 11111111-2222-4333-8444-555555555555 ').clientId).toBe('11111111-2222-4333-8444-555555555555');
    expect(() => settings.setClientId('my-app')).toThrow(/is not an application \(client\) ID/);
    expect(settings.setClientId('').clientId).toBeNull();
  });
});
