/** Sign-in per customer directory with msal-node: interactive (system browser, one at a time), silent per tenant, service principals. */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ConfidentialClientApplication, InteractionRequiredAuthError, LogLevel, PublicClientApplication, type AccountInfo } from '@azure/msal-node';
import path from 'node:path';
import type { CloudProfile } from '../../shared/cloud-profile';
import type { SignInStateEvent } from '../../shared/ipc-contract';
import { AppFailure } from '../../shared/result';
import { adminConsentUrl, serviceOfScope } from '../../shared/sign-in-app';
import type { IdentityRef, SignedIn } from '../domain/identity';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import { withAadsts } from './aadsts';
import { authFailure } from './auth-errors';
import { EncryptedTokenStore } from './encrypted-token-store';
import { abortLoopback, InteractiveGate } from './interactive-gate';
import { SeededSilent } from './seeded-silent';
import { createNodeNetworkStack, type NetworkStack } from '../http/network-stack';
import type { ReachabilityObserver } from './network-client';

export const TOKEN_CACHE_FILE = 'token-cache.bin';
/** A remembered access token is used while it has more than this left. */
const TOKEN_REUSE_MARGIN_MS = 5 * 60_000;

export interface AuthServiceOptions {
  cloud: CloudProfile;
  clientId: string;
  userDataDir: string;
  secrets: SecretStore;
  openBrowser(url: string): Promise<void>;
  onNotice(message: string): void;
  onSignInState(event: SignInStateEvent): void;
  log: Logger;
  interactiveTimeoutMs?: number;
  /** Longest one request to the token service may take, in ms (default 30 s). */
  tokenTimeoutMs?: number;
  /** Told whether each token-service request reached it. */
  connectivity?: ReachabilityObserver;
  /** The host's network (sign-in goes through its msal network module); default Node's, trusting the cloud's CA if it has one. */
  network?: NetworkStack;
}

const spSecretAccount = (tenantId: string, clientId: string) => `sp:${tenantId}:${clientId}`;
/** The OpenID configuration of a tenant authority, as Entra ID publishes it. */
const tenantMetadata = (base: string) => ({
  token_endpoint: `${base}/oauth2/v2.0/token`,
  authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
  end_session_endpoint: `${base}/oauth2/v2.0/logout`,
  issuer: `${base}/v2.0`,
  jwks_uri: `${base}/discovery/v2.0/keys`,
});

export const claimOf = (token: string, claim: string): string | null => {
  try {
    const value = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>)[claim];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
};

export class AuthService {
  readonly #o: AuthServiceOptions;
  readonly #network: NetworkStack;
  readonly #pca: PublicClientApplication;
  readonly #gate: InteractiveGate;
  readonly #claims = new Map<string, string>();
  readonly #store: EncryptedTokenStore;
  /** Access tokens in memory only, by tenant|identity|scope: MSAL's own lookup costs grow with every tenant in its cache. */
  readonly #tokens = new Map<string, AccessToken>();
  readonly #seeded: SeededSilent;
  readonly #confidential = new Map<string, ConfidentialClientApplication>();
  #abortCurrent: ((reason: 'cancelled' | 'timeout') => void) | null = null;

  constructor(options: AuthServiceOptions) {
    this.#o = options;
    this.#network = options.network ?? createNodeNetworkStack({ cloudCaPem: options.cloud.caCertPem });
    const config = (tenant: string) => ({
      auth: {
        clientId: options.clientId,
        authority: this.authority(tenant),
        knownAuthorities: options.cloud.knownAuthorities,
        // A tenant's endpoints follow from its authority: no discovery round trip per tenant.
        ...(tenant === 'organizations' ? {} : { authorityMetadata: JSON.stringify(tenantMetadata(this.authority(tenant))) }),
      },
      system: {
        networkClient: this.#network.msalNetwork({ totalTimeoutMs: options.tokenTimeoutMs }, options.connectivity),
        loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
      },
    });
    this.#pca = new PublicClientApplication(config('organizations'));
    this.#seeded = new SeededSilent(config, () => this.#store.snapshot(this.#pca.getTokenCache()));
    this.#store = new EncryptedTokenStore({ file: path.join(options.userDataDir, TOKEN_CACHE_FILE), secrets: options.secrets, onReset: options.onNotice });
    this.#gate = new InteractiveGate((tenantId, position) => options.onSignInState({ tenantId, state: 'queued', position }));
  }

  authority(tenant: string): string {
    return `${this.#o.cloud.endpoints.authorityHost}/${tenant}`;
  }

  /** The sign-in application (client) ID in use. */
  get clientId(): string {
    return this.#o.clientId;
  }

  adminConsentUrl(tenantId: string): string {
    return adminConsentUrl(this.#o.cloud.endpoints.authorityHost, tenantId, this.#o.clientId);
  }

  #fail(error: unknown, tenantId: string, label: string, scope: string): AppFailure {
    const service = serviceOfScope(this.#o.cloud, scope);
    return withAadsts(authFailure(error, { tenant: label, clientId: this.#o.clientId, adminConsentUrl: this.adminConsentUrl(tenantId), service }), error);
  }

  /** Interactive sign-in to one tenant in the system browser (MFA and claims challenges included). */
  async signInInteractive(tenantId: string, label: string, loginHint?: string): Promise<SignedIn> {
    const ticket = this.#gate.enter(tenantId);
    try {
      await ticket.ready;
      this.#o.onSignInState({ tenantId, state: 'waiting-for-browser' });
      let authorizeUrl: string | null = null;
      let aborted: 'cancelled' | 'timeout' | null = null;
      const abort = (reason: 'cancelled' | 'timeout') => {
        aborted ??= reason;
        if (authorizeUrl) void abortLoopback(authorizeUrl, reason);
      };
      this.#abortCurrent = abort;
      const timer = setTimeout(() => abort('timeout'), this.#o.interactiveTimeoutMs ?? 5 * 60_000);
      try {
        await this.#store.ensureLoaded(this.#pca.getTokenCache());
        const claims = this.#claims.get(tenantId);
        const result = await this.#pca.acquireTokenInteractive({
          scopes: [this.#o.cloud.scopes.arm],
          authority: this.authority(tenantId),
          prompt: 'select_account',
          ...(loginHint ? { loginHint } : {}),
          ...(claims ? { claims } : {}),
          successTemplate: '<h1>Signed in to PAL Desk.</h1><p>You can close this tab and return to the app.</p>',
          errorTemplate: '<h1>Sign-in did not complete.</h1><p>Return to PAL Desk for details.</p>',
          openBrowser: async (url) => {
            authorizeUrl = url;
            if (aborted) return void abortLoopback(url, aborted);
            await this.#o.openBrowser(url);
          },
        });
        await this.#store.flush(this.#pca.getTokenCache());
        this.#seeded.invalidate();
        if (result.tenantId !== tenantId) throw new AppFailure('wrong-tenant-token', `The sign-in returned a token for another directory than ${label}. Sign in again and pick the right account.`);
        this.#claims.delete(tenantId);
        const account = result.account as AccountInfo;
        return {
          tenantId,
          identityId: account.homeAccountId,
          kind: 'user',
          homeAccountId: account.homeAccountId,
          clientId: null,
          username: account.username,
          displayName: account.name ?? null,
          objectId: (result.idTokenClaims as { oid?: string }).oid ?? result.uniqueId,
        };
      } catch (error) {
        if (aborted === 'cancelled') throw new AppFailure('sign-in-cancelled', `Sign-in to ${label} was cancelled.`);
        if (aborted === 'timeout') throw new AppFailure('sign-in-timeout', `Sign-in to ${label} was not finished in time. Try again.`);
        throw this.#fail(error, tenantId, label, this.#o.cloud.scopes.arm);
      } finally {
        clearTimeout(timer);
        this.#abortCurrent = null;
      }
    } finally {
      ticket.release();
      this.#o.onSignInState({ tenantId, state: 'finished' });
    }
  }

  /** Cancels the interactive sign-in in progress; false when none is running. */
  cancelInteractive(): boolean {
    if (!this.#abortCurrent) return false;
    this.#abortCurrent('cancelled');
    return true;
  }

  /** A token for `scope` in `tenantId`, never interactive; never a token issued for another tenant. */
  async getToken(tenantId: string, identity: IdentityRef, scope: string, label: string): Promise<AccessToken> {
    const memoKey = `${tenantId}|${identity.kind}:${identity.id}|${scope}`;
    const memo = this.#tokens.get(memoKey);
    if (memo && memo.expiresOnTimestamp - Date.now() > TOKEN_REUSE_MARGIN_MS) return memo;
    const token = await this.#acquire(tenantId, identity, scope, label);
    this.#tokens.set(memoKey, token);
    return token;
  }

  async #acquire(tenantId: string, identity: IdentityRef, scope: string, label: string): Promise<AccessToken> {
    if (identity.kind === 'service-principal') return this.#servicePrincipalToken(tenantId, identity.id, scope, label);
    try {
      await this.#store.ensureLoaded(this.#pca.getTokenCache());
      const result = await this.#seeded.acquire(tenantId, identity.id, scope, this.authority(tenantId));
      if (!result) throw new AppFailure('interaction-required', `Sign in to ${label} again to continue.`);
      if (result.tenantId !== tenantId) {
        throw new AppFailure('wrong-tenant-token', `PAL Desk received a token for another directory instead of ${label} and did not use it. Sign in to ${label} again.`);
      }
      return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 60_000 };
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError && error.claims) this.#claims.set(tenantId, error.claims);
      throw this.#fail(error, tenantId, label, scope);
    }
  }

  /** Every partner account signed in, one entry per account (MSAL lists one per tenant profile). */
  async accounts(): Promise<AccountInfo[]> {
    await this.#store.ensureLoaded(this.#pca.getTokenCache());
    const seen = new Map<string, AccountInfo>();
    for (const account of await this.#pca.getAllAccounts()) if (!seen.has(account.homeAccountId)) seen.set(account.homeAccountId, account);
    return [...seen.values()];
  }

  credential(tenantId: string, identity: IdentityRef, label: string): TokenCredential {
    return { getToken: async (scopes) => this.getToken(tenantId, identity, Array.isArray(scopes) ? (scopes[0] ?? '') : scopes, label) };
  }

  /** Stores a service principal's secret in the keychain after proving it works. */
  async addServicePrincipal(tenantId: string, clientId: string, secret: string, label: string): Promise<SignedIn> {
    const token = await this.#clientCredentials(tenantId, clientId, secret, this.#o.cloud.scopes.arm, label);
    await this.#o.secrets.set(spSecretAccount(tenantId, clientId), secret);
    return this.#servicePrincipalIdentity(tenantId, clientId, token.token);
  }

  #servicePrincipalIdentity(tenantId: string, clientId: string, token: string): SignedIn {
    return { tenantId, identityId: `sp:${clientId}`, kind: 'service-principal', homeAccountId: null, clientId, username: clientId, displayName: null, objectId: claimOf(token, 'oid') };
  }

  async #servicePrincipalToken(tenantId: string, clientId: string, scope: string, label: string): Promise<AccessToken> {
    const secret = await this.#o.secrets.get(spSecretAccount(tenantId, clientId));
    if (!secret) throw new AppFailure('interaction-required', `The service principal for ${label} has no saved secret. Enter its client secret again.`);
    return this.#clientCredentials(tenantId, clientId, secret, scope, label);
  }

  async #clientCredentials(tenantId: string, clientId: string, secret: string, scope: string, label: string): Promise<AccessToken> {
    const key = `${tenantId}:${clientId}:${secret.length}:${secret.slice(-4)}`;
    let app = this.#confidential.get(key);
    if (!app) {
      app = new ConfidentialClientApplication({
        // The tenant's endpoints follow from its authority (as for the public client): no discovery round trip, whose network failure msal-node would hide behind endpoints_resolution_error.
        auth: { clientId, clientSecret: secret, authority: this.authority(tenantId), knownAuthorities: this.#o.cloud.knownAuthorities, authorityMetadata: JSON.stringify(tenantMetadata(this.authority(tenantId))) },
        system: { networkClient: this.#network.msalNetwork({ totalTimeoutMs: this.#o.tokenTimeoutMs }, this.#o.connectivity), loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined } },
      });
      this.#confidential.set(key, app);
    }
    try {
      const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result) throw new AppFailure('internal', `No token was returned for ${label}.`);
      if (result.tenantId && result.tenantId !== tenantId) throw new AppFailure('wrong-tenant-token', `A token for another directory than ${label} was returned and not used.`);
      return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 60_000 };
    } catch (error) {
      this.#confidential.delete(key);
      throw this.#fail(error, tenantId, label, scope);
    }
  }

  /** Forgets how one account signs in to one tenant: its tokens there, a service principal's secret, a pending claims challenge. */
  async signOutTenant(tenantId: string, identity: IdentityRef): Promise<void> {
    this.#claims.delete(tenantId);
    this.#forget((key) => key.startsWith(`${tenantId}|${identity.kind}:${identity.id}|`));
    if (identity.kind === 'service-principal') {
      await this.#o.secrets.delete(spSecretAccount(tenantId, identity.id));
      for (const key of [...this.#confidential.keys()]) if (key.startsWith(`${tenantId}:${identity.id}:`)) this.#confidential.delete(key);
    }
  }

  /** Forgets a partner account everywhere (all its tenants' tokens). */
  async signOutAccount(homeAccountId: string): Promise<void> {
    const cache = this.#pca.getTokenCache();
    await this.#store.ensureLoaded(cache);
    this.#forget((key) => key.includes(`|user:${homeAccountId}|`));
    this.#seeded.invalidate();
    for (const account of await this.#pca.getAllAccounts()) if (account.homeAccountId === homeAccountId) await cache.removeAccount(account);
    await this.#store.flush(cache);
  }

  #forget(match: (key: string) => boolean): void {
    for (const key of [...this.#tokens.keys()]) if (match(key)) this.#tokens.delete(key);
  }

  /** Writes pending cache changes (call before the process ends). */
  async flush(): Promise<void> {
    await this.#store.flush(this.#pca.getTokenCache());
  }
}
