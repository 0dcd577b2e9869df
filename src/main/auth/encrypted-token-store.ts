/** Keeps MSAL's token cache AES-256-GCM encrypted in a 0600 file (atomic writes); only its random key is in the keychain (under this data folder's name). */
import type { TokenCache } from '@azure/msal-node';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { SecretStore } from '../secrets/secret-store';

const KEY_ACCOUNT = 'token-cache-key';
const SAVE_DELAY_MS = 100;

export interface TokenStoreOptions {
  file: string;
  secrets: SecretStore;
  /** Told when an unreadable cache was set aside (the person must sign in again). */
  onReset(message: string): void;
  now?: () => Date;
}

/**
 * Loads the cache into MSAL once (retrying while the keychain fails, so a locked keychain is an error, never a silent
 * sign-out) and saves it shortly after it changes. MSAL's own persistence plugin would re-read and re-parse the whole
 * cache on every token lookup, which grows with the square of the number of tenants.
 */
export class EncryptedTokenStore {
  readonly #o: TokenStoreOptions;
  #key: Buffer | null = null;
  #loaded = false;
  #saving: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: TokenStoreOptions) {
    this.#o = options;
  }

  async #getKey(): Promise<Buffer> {
    if (this.#key) return this.#key;
    const stored = await this.#o.secrets.get(KEY_ACCOUNT);
    if (stored && Buffer.from(stored, 'base64').length === 32) return (this.#key = Buffer.from(stored, 'base64'));
    const fresh = randomBytes(32);
    await this.#o.secrets.set(KEY_ACCOUNT, fresh.toString('base64'));
    return (this.#key = fresh);
  }

  /** Puts the saved cache into MSAL's memory the first time it is needed. */
  async ensureLoaded(cache: TokenCache): Promise<void> {
    if (this.#loaded) return;
    const key = await this.#getKey();
    if (existsSync(this.#o.file)) {
      try {
        const sealed = JSON.parse(readFileSync(this.#o.file, 'utf8')) as { iv: string; tag: string; data: string };
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        cache.deserialize(Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8'));
      } catch {
        const stamp = (this.#o.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
        renameSync(this.#o.file, `${this.#o.file}.corrupt-${stamp}`);
        this.#o.onReset('Your saved sign-ins could not be read (the file is damaged or was encrypted with another key) and were set aside. Sign in to your customers again.');
      }
    }
    this.#loaded = true;
  }

  /** Saves soon if MSAL's cache changed (several token calls in a burst make one write). */
  scheduleSave(cache: TokenCache): void {
    if (!cache.hasChanged() || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush(cache);
    }, SAVE_DELAY_MS);
  }

  /** The cache as JSON (serializing marks MSAL's cache unchanged, so a pending change is written from this copy). */
  snapshot(cache: TokenCache): string {
    const changed = cache.hasChanged();
    const plain = cache.serialize();
    if (changed) this.#saving = (this.#saving ?? Promise.resolve()).then(() => this.#write(plain));
    return plain;
  }

  /** Writes now if anything changed (at sign-out and when the app closes). */
  async flush(cache: TokenCache): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#saving;
    if (!this.#loaded || !cache.hasChanged()) return;
    this.#saving = this.#write(cache.serialize());
    await this.#saving;
    this.#saving = null;
  }

  async #write(plain: string): Promise<void> {
    const key = await this.#getKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const sealed = JSON.stringify({ v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') });
    const temp = `${this.#o.file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, sealed);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.#o.file);
  }
}
