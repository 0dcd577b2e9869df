/** Silent tokens per tenant on a small MSAL instance holding only the account and its refresh token, so each first token for a tenant costs the same with 5 or 500 tenants in the main cache. */
import { PublicClientApplication, type AuthenticationResult, type Configuration } from '@azure/msal-node';

interface CacheJson {
  Account?: Record<string, { home_account_id?: string; realm?: string }>;
  RefreshToken?: Record<string, { home_account_id?: string }>;
  AppMetadata?: Record<string, unknown>;
}

export class SeededSilent {
  readonly #config: (tenantId: string) => Configuration;
  readonly #snapshot: () => string;
  readonly #seeds = new Map<string, string | null>();
  readonly #clients = new Map<string, PublicClientApplication>();

  /** `snapshot` returns the main cache as JSON (the persistence keeps any change it contained). */
  constructor(config: (tenantId: string) => Configuration, snapshot: () => string) {
    this.#config = config;
    this.#snapshot = snapshot;
  }

  /** Forget seeds after the main cache got a new refresh token (interactive sign-in) or lost an account. */
  invalidate(): void {
    this.#seeds.clear();
    this.#clients.clear();
  }

  /** The account's home profile and refresh token only, or null when the main cache has none for it. */
  #seed(homeAccountId: string): string | null {
    if (this.#seeds.has(homeAccountId)) return this.#seeds.get(homeAccountId) ?? null;
    const cache = JSON.parse(this.#snapshot()) as CacheJson;
    const utid = homeAccountId.split('.')[1];
    const accounts = Object.entries(cache.Account ?? {}).filter(([, a]) => a.home_account_id === homeAccountId);
    const home = accounts.find(([, a]) => a.realm === utid) ?? accounts[0];
    const refresh = Object.entries(cache.RefreshToken ?? {}).filter(([, t]) => t.home_account_id === homeAccountId);
    const seed = home && refresh.length > 0 ? JSON.stringify({ Account: Object.fromEntries([home]), RefreshToken: Object.fromEntries(refresh), AppMetadata: cache.AppMetadata ?? {}, IdToken: {}, AccessToken: {} }) : null;
    this.#seeds.set(homeAccountId, seed);
    return seed;
  }

  /** A token for `tenantId` through the account's refresh token, or null when the account is not in the cache. */
  async acquire(tenantId: string, homeAccountId: string, scope: string, authority: string): Promise<AuthenticationResult | null> {
    const key = `${tenantId}|${homeAccountId}`;
    let client = this.#clients.get(key);
    if (!client) {
      const seed = this.#seed(homeAccountId);
      if (!seed) return null;
      client = new PublicClientApplication(this.#config(tenantId));
      client.getTokenCache().deserialize(seed);
      this.#clients.set(key, client);
    }
    const [account] = await client.getAllAccounts();
    if (!account) return null;
    return client.acquireTokenSilent({ account: { ...account, tenantId }, scopes: [scope], authority });
  }
}
