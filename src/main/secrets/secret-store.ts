/** Where PAL Desk keeps secrets: the OS keychain in the app, behind one small interface. */

export const KEYCHAIN_SERVICE = 'PAL Desk';

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Every account this store keeps a secret for (to forget them all). */
  accounts(): Promise<string[]>;
}
