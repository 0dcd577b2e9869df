/** The OS keychain through keytar (the only module that imports keytar); a missing or locked keychain is a clear error. */
import { AppFailure } from '../../shared/result';
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

function keychainFailure(error: unknown): AppFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/locked|dismissed|cancel/i.test(text)) {
    return new AppFailure('keychain-locked', 'Your keychain is locked. Unlock it (log in to your desktop session), then try again.');
  }
  return new AppFailure(
    'keychain-unavailable',
    'PAL Desk cannot reach your OS keychain, where it keeps sign-in keys and secrets. On Linux, start a desktop session with GNOME Keyring or KWallet, then try again.',
  );
}

export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  #keytar: Promise<Keytar> | null = null;

  constructor(service: string = KEYCHAIN_SERVICE) {
    this.#service = service;
  }

  async #call<T>(run: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      this.#keytar ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
      return await run(await this.#keytar);
    } catch (error) {
      throw keychainFailure(error);
    }
  }

  get(account: string): Promise<string | null> {
    return this.#call((k) => k.getPassword(this.#service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.#call((k) => k.setPassword(this.#service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.#call((k) => k.deletePassword(this.#service, account));
  }

  accounts(): Promise<string[]> {
    return this.#call(async (k) => (await k.findCredentials(this.#service)).map((c) => c.account));
  }
}
