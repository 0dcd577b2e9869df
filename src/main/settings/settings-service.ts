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
    return { partnerId: typeof partnerId === 'string' ? partnerId : null };
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
