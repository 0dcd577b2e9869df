/** Customer tenants: add, discover, sign in (user or service principal), sign out, rename, archive, remove — all recorded in the inventory. */
import type { CloudProfile } from '../../shared/cloud-profile';
import { AppFailure } from '../../shared/result';
import type { DiscoveredTenantView, TenantView } from '../../shared/view-types';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import { claimOf, type AuthService, type IdentityRef, type SignedIn } from '../auth/auth-service';
import type { ClientRegistry } from '../http/client-registry';
import type { RestClient } from '../http/rest-client';
import type { Inventory } from '../inventory/inventory';
import { listTenants, resolveTenant, type DirectoryTenant } from './directory-client';

export class TenantService {
  readonly #inventory: Inventory;
  readonly #auth: AuthService;
  readonly #cloud: CloudProfile;
  readonly #partnerId: () => string | null;
  readonly #clients: ClientRegistry;
  readonly #discovered = new Map<string, { tenant: DirectoryTenant; via: string }>();

  constructor(inventory: Inventory, auth: AuthService, cloud: CloudProfile, partnerId: () => string | null, clients: ClientRegistry) {
    this.#inventory = inventory;
    this.#auth = auth;
    this.#cloud = cloud;
    this.#partnerId = partnerId;
    this.#clients = clients;
  }

  list(): TenantView[] {
    return this.#inventory.tenants.list(this.#partnerId());
  }

  view(tenantId: string): TenantView {
    const view = this.#inventory.tenants.get(tenantId, this.#partnerId());
    if (!view) throw new AppFailure('not-found', 'This tenant is not in PAL Desk any more. Add it again.');
    return view;
  }

  label(tenantId: string): string {
    const view = this.#inventory.tenants.get(tenantId, null);
    return view?.label ?? view?.displayName ?? tenantId;
  }

  identity(tenantId: string): IdentityRef | null {
    const identity = this.#inventory.identities.forTenant(tenantId);
    if (!identity) return null;
    return identity.kind === 'user' ? { kind: 'user', id: identity.homeAccountId ?? identity.identityId } : { kind: 'service-principal', id: identity.clientId ?? '' };
  }

  async add(query: string): Promise<TenantView> {
    const { tenantId, domain } = await resolveTenant(this.#clients.anonymous(), this.#cloud, query);
    if (!this.#inventory.tenants.exists(tenantId)) {
      this.#inventory.tenants.upsert({ tenantId, displayName: domain ?? tenantId, defaultDomain: domain, cloudId: this.#cloud.id });
    }
    return this.view(tenantId);
  }

  /** Lists the directories the tenant's signed-in account can reach, marking those already tracked. */
  async discover(tenantId: string): Promise<DiscoveredTenantView[]> {
    const found = await listTenants(this.#arm(tenantId), this.#cloud);
    for (const t of found) this.#discovered.set(t.tenantId, { tenant: t, via: tenantId });
    return found.map((t) => ({ ...t, tracked: this.#inventory.tenants.exists(t.tenantId) }));
  }

  /** Tracks discovered tenants with the account that discovered them (its refresh token reaches them all); a sync confirms each. */
  track(tenantIds: string[]): TenantView[] {
    for (const id of tenantIds) {
      const found = this.#discovered.get(id);
      if (!found) throw new AppFailure('invalid-input', 'Discover your directories again, then pick the ones to track.');
      const { tenant: t, via } = found;
      this.#inventory.tenants.upsert({ tenantId: id, displayName: t.displayName ?? t.defaultDomain ?? id, defaultDomain: t.defaultDomain, cloudId: this.#cloud.id });
      const account = this.#inventory.identities.forTenant(via);
      if (account?.kind === 'user' && !this.#inventory.identities.forTenant(id)) this.#inventory.identities.assign(id, account, null, 'needs-sign-in');
    }
    return this.list();
  }

  /** Gets a silent token for the tenant's account and returns the account's object id there (nothing is written). */
  async silentObjectId(tenantId: string): Promise<string | null> {
    const identity = this.#requireIdentity(tenantId);
    const token = await this.#auth.getToken(tenantId, identity, this.#cloud.scopes.arm, this.label(tenantId));
    return claimOf(token.token, 'oid');
  }

  /** Gets a silent token for the tenant's account and records that it works (and its object id there). */
  async verifySignIn(tenantId: string): Promise<void> {
    this.#inventory.identities.confirm(tenantId, await this.silentObjectId(tenantId));
  }

  async signIn(tenantId: string): Promise<TenantView> {
    const label = this.label(tenantId);
    const current = this.#inventory.identities.forTenant(tenantId);
    try {
      const signedIn = await this.#auth.signInInteractive(tenantId, label, current?.kind === 'user' ? (current.username ?? undefined) : undefined);
      this.#record(signedIn);
      await this.#refreshDirectoryName(tenantId).catch(() => undefined);
    } catch (error) {
      if (error instanceof AppFailure && current) this.#inventory.identities.setSignIn(tenantId, 'error', { code: error.code, message: error.message });
      throw error;
    }
    return this.view(tenantId);
  }

  async addServicePrincipal(tenantId: string, clientId: string, secret: string): Promise<TenantView> {
    this.#record(await this.#auth.addServicePrincipal(tenantId, clientId, secret, this.label(tenantId)));
    await this.#refreshDirectoryName(tenantId).catch(() => undefined);
    return this.view(tenantId);
  }

  async testConnection(tenantId: string): Promise<TenantView> {
    try {
      await this.verifySignIn(tenantId);
    } catch (error) {
      if (error instanceof AppFailure) this.markSignInProblem(tenantId, error);
      throw error;
    }
    return this.view(tenantId);
  }

  async signOut(tenantId: string): Promise<TenantView> {
    const identity = this.identity(tenantId);
    if (identity) await this.#auth.signOutTenant(tenantId, identity);
    this.#inventory.identities.unassign(tenantId);
    return this.view(tenantId);
  }

  /** Signs the tenant's user account out of every tenant: its tokens leave the cache, no tenant uses it any more. */
  async signOutEverywhere(tenantId: string): Promise<TenantView[]> {
    const account = this.#inventory.identities.forTenant(tenantId);
    if (account?.kind !== 'user' || !account.homeAccountId) throw new AppFailure('invalid-input', 'Only a user account can be signed out everywhere; use Sign out for a service principal.');
    await this.#auth.signOutAccount(account.homeAccountId);
    this.#inventory.identities.unassignEverywhere(account.identityId);
    return this.list();
  }

  /** Records why a tenant cannot be reached without the person (sign in again, consent, MFA …). */
  markSignInProblem(tenantId: string, failure: AppFailure): void {
    const state = NEEDS_SIGN_IN.has(failure.code) ? 'needs-sign-in' : 'error';
    this.#inventory.identities.setSignIn(tenantId, state, { code: failure.code, message: failure.message });
  }

  rename(tenantId: string, label: string | null): TenantView {
    this.view(tenantId);
    this.#inventory.tenants.rename(tenantId, label);
    return this.view(tenantId);
  }

  archive(tenantId: string, archived: boolean): TenantView {
    this.view(tenantId);
    this.#inventory.tenants.setArchived(tenantId, archived);
    return this.view(tenantId);
  }

  async remove(tenantId: string): Promise<{ removed: true }> {
    const identity = this.identity(tenantId);
    if (identity?.kind === 'service-principal') await this.#auth.signOutTenant(tenantId, identity);
    this.#inventory.tenants.remove(tenantId);
    return { removed: true };
  }

  #requireIdentity(tenantId: string): IdentityRef {
    const identity = this.identity(tenantId);
    if (!identity) throw new AppFailure('interaction-required', `Nobody is signed in to ${this.label(tenantId)} yet — click Sign in.`);
    return identity;
  }

  /** The ARM client of the tenant's signed-in account. */
  #arm(tenantId: string): RestClient {
    return this.#clients.rest(tenantId, this.#requireIdentity(tenantId), this.#cloud.scopes.arm, this.label(tenantId));
  }

  #record(s: SignedIn): void {
    this.#inventory.identities.assign(s.tenantId, s, s.objectId, 'signed-in');
  }

  async #refreshDirectoryName(tenantId: string): Promise<void> {
    const own = (await listTenants(this.#arm(tenantId), this.#cloud)).find((t) => t.tenantId === tenantId);
    if (own?.displayName) this.#inventory.tenants.upsert({ tenantId, displayName: own.displayName, defaultDomain: own.defaultDomain, cloudId: this.#cloud.id });
  }
}
