/** MSAL cache plugin: the token cache lives AES-256-GCM encrypted in a 0600 file; only its random key is in the keychain. */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { SecretStore } from '../secrets/secret-store';

const KEY_ACCOUNT = 'token-cache-key';

export interface CachePluginOptions {
  file: string;
  secrets: SecretStore;
  /** Told when an unreadable cache was set aside (the person must sign in again). */
  onReset(message: string): void;
  now?: () => Date;
}

export function createEncryptedCachePlugin(options: CachePluginOptions): ICachePlugin {
  let key: Buffer | null = null;
  const getKey = async (): Promise<Buffer> => {
    if (key) return key;
    const stored = await options.secrets.get(KEY_ACCOUNT);
    if (stored && Buffer.from(stored, 'base64').length === 32) return (key = Buffer.from(stored, 'base64'));
    const fresh = randomBytes(32);
    await options.secrets.set(KEY_ACCOUNT, fresh.toString('base64'));
    return (key = fresh);
  };

  const setAside = (reason: string) => {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    renameSync(options.file, `${options.file}.corrupt-${stamp}`);
    options.onReset(`Your saved sign-ins could not be read (${reason}) and were set aside. Sign in to your customers again.`);
  };

  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const k = await getKey();
      if (!existsSync(options.file)) return;
      try {
        const sealed = JSON.parse(readFileSync(options.file, 'utf8')) as { iv: string; tag: string; data: string };
        const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(sealed.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
        context.tokenCache.deserialize(plain);
      } catch {
        setAside('it is damaged or was encrypted with another key');
      }
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return;
      const k = await getKey();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const data = Buffer.concat([cipher.update(context.tokenCache.serialize(), 'utf8'), cipher.final()]);
      const sealed = JSON.stringify({ v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') });
      const temp = `${options.file}.${process.pid}.tmp`;
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, sealed);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, options.file);
    },
  };
}
