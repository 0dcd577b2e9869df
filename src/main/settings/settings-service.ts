/** Settings service: reads and saves the partner's own settings, validating the partner ID before it is stored. */
import type { EmitEvent, SettingsDto } from '../../shared/ipc-contract';
import { checkPartnerId } from '../../shared/partner-id';
import { AppFailure } from '../../shared/result';

/** Where settings live (the inventory database in the app). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export class SettingsService {
  readonly #store: SettingsStore;
  readonly #emit: EmitEvent;

  constructor(store: SettingsStore, emit: EmitEvent) {
    this.#store = store;
    this.#emit = emit;
  }

  get(): SettingsDto {
    const partnerId = this.#store.get('partnerId');
    const clientId = this.#store.get('clientId');
    return { partnerId: typeof partnerId === 'string' ? partnerId : null, clientId: typeof clientId === 'string' ? clientId : null };
  }

  /** Saves the sign-in application (client) ID, or clears it to use the default; it applies after a restart. */
  setClientId(input: string | null): SettingsDto {
    const value = input?.trim() || null;
    if (value !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
      throw new AppFailure('invalid-input', `"${value.slice(0, 60)}" is not an application (client) ID: it is a GUID such as 04b07795-8ddb-461a-bbee-02f9e1bf7b46.`);
    }
    this.#store.set('clientId', value?.toLowerCase() ?? null);
    const settings = this.get();
    this.#emit('settings:changed', settings);
    return settings;
  }

  /** Saves the partner ID, or fails with a message saying what to type instead. */
  setPartnerId(input: string): SettingsDto {
    const check = checkPartnerId(input);
    if (!check.ok) throw new AppFailure('invalid-partner-id', check.message);
    this.#store.set('partnerId', check.partnerId);
    const settings = this.get();
    this.#emit('settings:changed', settings);
    return settings;
  }
}
