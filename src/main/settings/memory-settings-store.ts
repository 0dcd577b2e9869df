/** In-memory settings store (until the inventory database backs settings). */
import type { SettingsStore } from './settings-service';

export class MemorySettingsStore implements SettingsStore {
  readonly #values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.#values.get(key);
  }
  set(key: string, value: unknown): void {
    this.#values.set(key, value);
  }
}
