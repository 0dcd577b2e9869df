/** The OS keychain through keytar (the only module that imports keytar); a missing or locked keychain is a clear error. */
import { createRequire } from 'node:module';
import { AppFailure } from '../../shared/result';
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

// keytar is loaded with require, not import(): in the packaged app it lives in app.asar, where Electron's patched
// require reads the archive and loads keytar.node from app.asar.unpacked, while import() of a bare specifier from inside
// an asar has failed with ERR_MODULE_NOT_FOUND across Electron releases (electron/electron#38957, #40211, #45896).
// The main bundle is CommonJS, where Vite leaves import.meta.url empty: there, resolve from the bundle's own file.
const requireFromHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

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
      this.#keytar ??= Promise.resolve().then(() => requireFromHere('keytar') as Keytar);
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
