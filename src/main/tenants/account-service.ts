/** Our accounts in each customer tenant: sign in (user or service principal), silent checks, defaults, sign out. */
import type { CloudProfile } from '../../shared/cloud-profile';
import { AppFailure } from '../../shared/result';
import type { TenantView } from '../../shared/view-types';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import { claimOf, type AuthService } from '../auth/auth-service';
import { identityRefOf, type IdentityRef, type SignedIn, type TenantIdentity } from '../domain/identity';
import type { Inventory } from '../inventory/inventory';
import type { DirectoryTenant } from './directory-client';
import type { TenantViews } from './tenant-views';

/** Directory look-ups, on the API pipeline. */
export interface Directory {
  /** A domain or tenant ID to its tenant. */
  resolve(query: string): Promise<{ tenantId: string; domain: string | null }>;
  /** Every directory the account signed in to `tenantId` can reach. */
  tenants(tenantId: string, account: IdentityRef, label: string): Promise<DirectoryTenant[]>;
}

export interface AccountServiceDeps {
  inventory: Inventory;
  auth: AuthService;
  cloud: CloudProfile;
  views: TenantViews;
  directory: Directory;
  /** Drops the API clients cached for an account (after it signs out). */
  forgetClients(match: { tenantId?: string; identityId?: string }): void;
  /** Tells the windows that tenants changed. */
  changed(): void;
  /** Reads an account's partner link right after it signed in (failures are recorded, not thrown). */
  readLink(tenantId: string, account: TenantIdentity): Promise<void>;
}

export class AccountService {
  readonly #d: AccountServiceDeps;

  constructor(deps: AccountServiceDeps) {
    this.#d = deps;
  }

  /** Our accounts in the tenant, the default first. */
  accounts(tenantId: string): TenantIdentity[] {
    return this.#d.inventory.accounts.forTenant(tenantId);
  }

  /** The named account in the tenant, or its default; fails with what to do when there is none. */
  account(tenantId: string, identityId?: string): TenantIdentity {
    const label = this.#d.views.label(tenantId);
    if (identityId) {
      const account = this.#d.inventory.accounts.get(tenantId, identityId);
      if (!account) throw new AppFailure('not-found', `That account is not signed in to ${label} in PAL Desk. Sign in with it first.`);
      return account;
    }
    const [first] = this.accounts(tenantId);
    if (!first) throw new AppFailure('interaction-required', `Nobody is signed in to ${label} yet.`);
    return first;
  }

  /** A silent ARM token for the account in the tenant; returns its object id there (nothing is written). */
  async objectIdSilently(tenantId: string, account: TenantIdentity): Promise<string | null> {
    const token = await this.#d.auth.getToken(tenantId, identityRefOf(account), this.#d.cloud.scopes.arm, this.#d.views.label(tenantId));
    return claimOf(token.token, 'oid');
  }

  /** Signs in interactively: `identityId` signs that account in again; without it the person picks one, and a new one is added. */
  async signIn(tenantId: string, identityId?: string): Promise<TenantView> {
    const label = this.#d.views.label(tenantId);
    const again = identityId ? this.account(tenantId, identityId) : null;
    if (again?.kind === 'service-principal') {
      throw new AppFailure('invalid-input', `A service principal signs in with its secret, not in the browser: add it to ${label} again with its current secret.`);
    }
    try {
      const signedIn = await this.#d.auth.signInInteractive(tenantId, label, again?.kind === 'user' ? (again.username ?? undefined) : undefined);
      await this.#record(signedIn);
    } catch (error) {
      if (error instanceof AppFailure && again) this.#d.inventory.accounts.setSignIn(tenantId, again.identityId, 'error', { code: error.code, message: error.message });
      throw error;
    } finally {
      this.#d.changed();
    }
    return this.#d.views.view(tenantId);
  }

  /** Adds a service principal next to the tenant's other accounts, after proving its secret works (the secret goes to the keychain only). */
  async addServicePrincipal(tenantId: string, clientId: string, secret: string): Promise<TenantView> {
    await this.#record(await this.#d.auth.addServicePrincipal(tenantId, clientId, secret, this.#d.views.label(tenantId)));
    this.#d.changed();
    return this.#d.views.view(tenantId);
  }

  /** Tries a silent token for the account and records the result. */
  async testConnection(tenantId: string, identityId?: string): Promise<TenantView> {
    const account = this.account(tenantId, identityId);
    try {
      this.#d.inventory.accounts.confirm(tenantId, account.identityId, await this.objectIdSilently(tenantId, account));
    } catch (error) {
      if (error instanceof AppFailure) this.markSignInProblem(tenantId, account.identityId, error);
      throw error;
    } finally {
      this.#d.changed();
    }
    return this.#d.views.view(tenantId);
  }

  /** Tries every user account PAL Desk knows on a tenant, silently; each that works is added there. Returns how many did. */
  async signInSilently(tenantId: string): Promise<number> {
    let added = 0;
    for (const user of this.#d.inventory.accounts.users()) {
      if (this.#d.inventory.accounts.get(tenantId, user.identityId)) continue;
      try {
        const token = await this.#d.auth.getToken(tenantId, identityRefOf(user), this.#d.cloud.scopes.arm, this.#d.views.label(tenantId));
        this.#d.inventory.accounts.attach(tenantId, user, claimOf(token.token, 'oid'), 'signed-in');
        await this.#readLink(tenantId, user.identityId);
        added += 1;
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error;
      }
    }
    if (added > 0) await this.refreshDirectoryName(tenantId).catch(() => undefined);
    return added;
  }

  async signOut(tenantId: string, identityId?: string): Promise<TenantView> {
    const account = this.account(tenantId, identityId);
    await this.#d.auth.signOutTenant(tenantId, identityRefOf(account));
    this.#d.forgetClients({ tenantId, identityId: identityRefOf(account).id });
    this.#d.inventory.accounts.detach(tenantId, account.identityId);
    this.#d.changed();
    return this.#d.views.view(tenantId);
  }

  /** Signs a user account out of every tenant: its tokens leave the cache, no tenant uses it any more. */
  async signOutEverywhere(tenantId: string, identityId?: string): Promise<TenantView[]> {
    const account = this.account(tenantId, identityId);
    if (account.kind !== 'user' || !account.homeAccountId) {
      throw new AppFailure('invalid-input', 'Only a user account can be signed out everywhere; use Sign out for a service principal.');
    }
    await this.#d.auth.signOutAccount(account.homeAccountId);
    this.#d.forgetClients({ identityId: account.homeAccountId });
    this.#d.inventory.accounts.detachEverywhere(account.identityId);
    this.#d.changed();
    return this.#d.views.list();
  }

  setDefault(tenantId: string, identityId: string): TenantView {
    this.account(tenantId, identityId);
    this.#d.inventory.accounts.setDefault(tenantId, identityId);
    this.#d.changed();
    return this.#d.views.view(tenantId);
  }

  /** Records why an account cannot reach a tenant without the person (sign in again, consent, MFA …). */
  markSignInProblem(tenantId: string, identityId: string, failure: AppFailure): void {
    const state = NEEDS_SIGN_IN.has(failure.code) ? 'needs-sign-in' : 'error';
    this.#d.inventory.accounts.setSignIn(tenantId, identityId, state, { code: failure.code, message: failure.message });
  }

  /** Replaces a domain-only name with the directory's own, read with one of our accounts there. */
  async refreshDirectoryName(tenantId: string): Promise<void> {
    const account = this.account(tenantId);
    const own = (await this.#d.directory.tenants(tenantId, identityRefOf(account), this.#d.views.label(tenantId))).find((t) => t.tenantId === tenantId);
    if (own?.displayName) this.#d.inventory.tenants.upsert({ tenantId, displayName: own.displayName, defaultDomain: own.defaultDomain, cloudId: this.#d.cloud.id });
  }

  async #record(s: SignedIn): Promise<void> {
    this.#d.inventory.accounts.attach(s.tenantId, s, s.objectId, 'signed-in');
    await this.refreshDirectoryName(s.tenantId).catch(() => undefined);
    await this.#readLink(s.tenantId, s.identityId);
  }

  async #readLink(tenantId: string, identityId: string): Promise<void> {
    const account = this.#d.inventory.accounts.get(tenantId, identityId);
    if (account) await this.#d.readLink(tenantId, account);
  }
}
