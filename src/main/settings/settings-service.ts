/** Settings service: reads and saves the partner's own settings, validating the partner ID before it is stored. */
import type { CloudChoiceView } from '../../shared/about-types';
import type { EmitEvent, SettingsDto } from '../../shared/ipc-contract';
import { checkPartnerId } from '../../shared/partner-id';
import { AppFailure } from '../../shared/result';

/** Where settings live (the inventory database in the app). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** The settings key of the cloud chosen in Settings (read at start, before the services, by cloud-config.ts). */
export const CLOUD_SETTING = 'cloudId';

const text = (value: unknown) => (typeof value === 'string' ? value : null);

export class SettingsService {
  readonly #store: SettingsStore;
  readonly #emit: EmitEvent;
  readonly #clouds: readonly CloudChoiceView[];

  /** `clouds`: the clouds a person may choose (the simulated cloud only while running on it). */
  constructor(store: SettingsStore, emit: EmitEvent, clouds: readonly CloudChoiceView[] = []) {
    this.#store = store;
    this.#emit = emit;
    this.#clouds = clouds;
  }

  get(): SettingsDto {
    return { partnerId: text(this.#store.get('partnerId')), clientId: text(this.#store.get('clientId')), cloudId: text(this.#store.get(CLOUD_SETTING)) };
  }

  /**
   * Saves the cloud to start on, or clears it to use the default (the commercial cloud); it applies after a restart, and
   * `--cloud` or PAL_DESK_CLOUD still win when given.
   */
  setCloud(input: string | null): SettingsDto {
    const value = input?.trim().toLowerCase() || null;
    if (value !== null && !this.#clouds.some((c) => c.id === value)) {
      throw new AppFailure('invalid-input', `"${value.slice(0, 40)}" is not a cloud PAL Desk can start on here: choose one of ${this.#clouds.map((c) => c.id).join(', ')}.`);
    }
    this.#store.set(CLOUD_SETTING, value);
    const settings = this.get();
    this.#emit('settings:changed', settings);
    return settings;
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
