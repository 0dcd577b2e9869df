/**
 * One data folder's secrets in the keychain: each entry's account is named `<folder id>/<name>` (data-folder-id.ts), so
 * "forget everything", removing a service principal and the token cache's key touch only this folder's entries.
 *
 * Entries kept by older releases under names every data folder shared (`token-cache-key`, `sp:<tenant>:<client>`), or by
 * the original of a copied folder, are copied to this folder's names the first time the folder needs them (a sign-in, a
 * service principal's token), so nothing is lost. They are never removed by this folder, not even by "forget everything":
 * another data folder that has not been opened since the upgrade may still need the very same entry, and no folder can
 * know about the others. Forget says how many of them are left. Cloud is not part of the names: a folder has one token
 * cache (and so one key) whatever the cloud, and a tenant's id names one directory in one cloud (a tenant keeps the cloud
 * it was added in).
 */
import { dataFolderId, type DataFolderId } from './data-folder-id';
import type { SecretStore } from './secret-store';

export class FolderSecretStore implements SecretStore {
  readonly #keychain: SecretStore;
  readonly #folder: DataFolderId;

  constructor(keychain: SecretStore, folder: DataFolderId) {
    this.#keychain = keychain;
    this.#folder = folder;
  }

  #own(name: string): string {
    return `${this.#folder.id}/${name}`;
  }

  /** This folder's secret, or one it still had under an older name (then copied to this folder's name). */
  async get(name: string): Promise<string | null> {
    const own = await this.#keychain.get(this.#own(name));
    if (own !== null) return own;
    for (const prefix of this.#folder.older) {
      const older = await this.#keychain.get(`${prefix}${name}`);
      if (older === null) continue;
      await this.#keychain.set(this.#own(name), older);
      return older;
    }
    return null;
  }

  set(name: string, secret: string): Promise<void> {
    return this.#keychain.set(this.#own(name), secret);
  }

  delete(name: string): Promise<boolean> {
    return this.#keychain.delete(this.#own(name));
  }

  /** This folder's own entries (never another folder's, nor the shared ones of older releases). */
  async accounts(): Promise<string[]> {
    const prefix = this.#own('');
    return (await this.#keychain.accounts()).filter((account) => account.startsWith(prefix)).map((account) => account.slice(prefix.length));
  }

  /** How many entries of older releases, shared by every data folder, are still in the keychain (0 for a folder made since). */
  async sharedOlderEntries(): Promise<number> {
    if (!this.#folder.older.includes('')) return 0;
    return (await this.#keychain.accounts()).filter((account) => !account.includes('/')).length;
  }
}

/** The secrets of the data folder at `dir` (its id made on first open); `dataFiles`: the files that show it held data before secrets were kept per folder. */
export const folderSecrets = (keychain: SecretStore, dir: string, dataFiles: readonly string[]): FolderSecretStore => new FolderSecretStore(keychain, dataFolderId(dir, dataFiles));
