/** Where PAL Desk keeps secrets: the OS keychain in the app, behind one small interface. */

export const KEYCHAIN_SERVICE = 'PAL Desk';

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Every account PAL Desk keeps a secret for (to forget them all). */
  accounts(): Promise<string[]>;
}

/** In-memory store for unit tests of pure logic only. */
export class MemorySecretStore implements SecretStore {
  readonly #values = new Map<string, string>();
  async get(account: string) {
    return this.#values.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.#values.set(account, secret);
  }
  async delete(account: string) {
    return this.#values.delete(account);
  }
  async accounts() {
    return [...this.#values.keys()];
  }
}
