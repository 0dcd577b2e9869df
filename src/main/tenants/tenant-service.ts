/** Customer tenants: add (trying the accounts already signed in first), discover, track, rename, archive, remove. */
import type { CloudProfile } from '../../shared/cloud-profile';
import { AppFailure } from '../../shared/result';
import type { DiscoveredTenantView, TenantView } from '../../shared/view-types';
import { identityRefOf } from '../domain/identity';
import type { Inventory } from '../inventory/inventory';
import type { AccountService, Directory } from './account-service';
import type { DirectoryTenant } from './directory-client';
import type { TenantViews } from './tenant-views';

export interface TenantServiceDeps {
  inventory: Inventory;
  accounts: AccountService;
  cloud: CloudProfile;
  views: TenantViews;
  directory: Directory;
  changed(): void;
}

export class TenantService {
  readonly #d: TenantServiceDeps;
  readonly #discovered = new Map<string, { tenant: DirectoryTenant; via: string; identityId: string }>();

  constructor(deps: TenantServiceDeps) {
    this.#d = deps;
  }

  list(): TenantView[] {
    return this.#d.views.list();
  }

  /** Tracks a customer by domain or tenant ID; an account already signed in in PAL Desk that reaches it is used silently, with no browser. */
  async add(query: string): Promise<TenantView> {
    const { tenantId, domain } = await this.#d.directory.resolve(query);
    if (!this.#d.inventory.tenants.exists(tenantId)) {
      this.#d.inventory.tenants.upsert({ tenantId, displayName: domain ?? tenantId, defaultDomain: domain, cloudId: this.#d.cloud.id });
    }
    await this.#d.accounts.signInSilently(tenantId);
    this.#d.changed();
    return this.#d.views.view(tenantId);
  }

  /** Lists the directories the tenant's default account can reach, marking those already tracked. */
  async discover(tenantId: string): Promise<DiscoveredTenantView[]> {
    const account = this.#d.accounts.account(tenantId);
    const found = await this.#d.directory.tenants(tenantId, identityRefOf(account), this.#d.views.label(tenantId));
    for (const t of found) this.#discovered.set(t.tenantId, { tenant: t, via: tenantId, identityId: account.identityId });
    return found.map((t) => ({ ...t, tracked: this.#d.inventory.tenants.exists(t.tenantId) }));
  }

  /** Tracks discovered tenants with the account that discovered them (its refresh token reaches them all); a sync confirms each. */
  track(tenantIds: string[]): TenantView[] {
    for (const id of tenantIds) {
      const found = this.#discovered.get(id);
      if (!found) throw new AppFailure('invalid-input', 'Discover your directories again, then pick the ones to track.');
      const { tenant: t, via, identityId } = found;
      this.#d.inventory.tenants.upsert({ tenantId: id, displayName: t.displayName ?? t.defaultDomain ?? id, defaultDomain: t.defaultDomain, cloudId: this.#d.cloud.id });
      const account = this.#d.inventory.accounts.get(via, identityId);
      if (account?.kind === 'user' && !this.#d.inventory.accounts.get(id, identityId)) this.#d.inventory.accounts.attach(id, account, null, 'needs-sign-in');
    }
    this.#d.changed();
    return this.list();
  }

  rename(tenantId: string, label: string | null): TenantView {
    this.#d.views.view(tenantId);
    this.#d.inventory.tenants.rename(tenantId, label);
    this.#d.changed();
    return this.#d.views.view(tenantId);
  }

  archive(tenantId: string, archived: boolean): TenantView {
    this.#d.views.view(tenantId);
    this.#d.inventory.tenants.setArchived(tenantId, archived);
    this.#d.changed();
    return this.#d.views.view(tenantId);
  }

  /** Forgets the tenant (its service principals' secrets too); the audit log keeps its entries. */
  async remove(tenantId: string): Promise<{ removed: true }> {
    for (const account of this.#d.accounts.accounts(tenantId)) {
      if (account.kind === 'service-principal') await this.#d.accounts.signOut(tenantId, account.identityId);
    }
    this.#d.inventory.tenants.remove(tenantId);
    this.#d.changed();
    return { removed: true };
  }
}
