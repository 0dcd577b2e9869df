/** Our accounts (users, guests, service principals) and each one's place in each customer tenant: object id, sign-in, default. */
import type { DatabaseSync } from 'node:sqlite';
import type { SignInState } from '../../shared/view-types';
import type { IdentityRecord, TenantIdentity } from '../domain/identity';

export interface AccountRow {
  tenant_id: string;
  identity_id: string;
  object_id: string | null;
  sign_in: SignInState;
  last_error_code: string | null;
  last_error_message: string | null;
  is_default: number;
  kind: IdentityRecord['kind'];
  home_account_id: string | null;
  client_id: string | null;
  username: string | null;
  display_name: string | null;
}

const SELECT = `
  SELECT a.tenant_id, a.identity_id, a.object_id, a.sign_in, a.last_error_code, a.last_error_message, a.is_default,
         i.kind, i.home_account_id, i.client_id, i.username, i.display_name
  FROM tenant_accounts a JOIN identities i ON i.identity_id = a.identity_id`;
const ORDER = 'ORDER BY a.is_default DESC, a.added_at, a.identity_id';

export const toTenantIdentity = (r: AccountRow): TenantIdentity => ({
  tenantId: r.tenant_id,
  identityId: r.identity_id,
  kind: r.kind,
  homeAccountId: r.home_account_id,
  clientId: r.client_id,
  username: r.username,
  displayName: r.display_name,
  objectId: r.object_id,
  signIn: r.sign_in,
  lastError: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '' } : null,
  isDefault: r.is_default === 1,
});

export class AccountRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /** Records the account in the tenant (adding it next to the others there); the tenant's first account becomes its default. */
  attach(tenantId: string, identity: IdentityRecord, objectId: string | null, signIn: SignInState): void {
    const now = this.#now().toISOString();
    this.#db
      .prepare(
        `INSERT INTO identities (identity_id, kind, home_account_id, client_id, username, display_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (identity_id) DO UPDATE SET username = COALESCE(excluded.username, identities.username),
           display_name = COALESCE(excluded.display_name, identities.display_name)`,
      )
      .run(identity.identityId, identity.kind, identity.homeAccountId, identity.clientId, identity.username, identity.displayName, now);
    this.#db
      .prepare(
        `INSERT INTO tenant_accounts (tenant_id, identity_id, object_id, sign_in, is_default, added_at, updated_at)
         VALUES (?, ?, ?, ?, NOT EXISTS (SELECT 1 FROM tenant_accounts WHERE tenant_id = ? AND is_default = 1), ?, ?)
         ON CONFLICT (tenant_id, identity_id) DO UPDATE SET object_id = COALESCE(excluded.object_id, tenant_accounts.object_id),
           sign_in = excluded.sign_in, last_error_code = NULL, last_error_message = NULL, updated_at = excluded.updated_at`,
      )
      .run(tenantId, identity.identityId, objectId, signIn, tenantId, now, now);
  }

  /** Updates an account's sign-in state in a tenant, with the error a person should see (if any). */
  setSignIn(tenantId: string, identityId: string, signIn: SignInState, error: { code: string; message: string } | null): void {
    this.#db
      .prepare('UPDATE tenant_accounts SET sign_in = ?, last_error_code = ?, last_error_message = ?, updated_at = ? WHERE tenant_id = ? AND identity_id = ?')
      .run(signIn, error?.code ?? null, error?.message ?? null, this.#now().toISOString(), tenantId, identityId);
  }

  /** A silent token worked: the account is signed in there, with this object id. */
  confirm(tenantId: string, identityId: string, objectId: string | null): void {
    this.#db
      .prepare(
        `UPDATE tenant_accounts SET sign_in = 'signed-in', object_id = COALESCE(?, object_id), last_error_code = NULL, last_error_message = NULL, updated_at = ?
         WHERE tenant_id = ? AND identity_id = ?`,
      )
      .run(objectId, this.#now().toISOString(), tenantId, identityId);
  }

  /** Our accounts in the tenant, the default first. */
  forTenant(tenantId: string): TenantIdentity[] {
    return (this.#db.prepare(`${SELECT} WHERE a.tenant_id = ? ${ORDER}`).all(tenantId) as unknown as AccountRow[]).map(toTenantIdentity);
  }

  /** Every account in every tenant (for the tenant list). */
  all(): TenantIdentity[] {
    return (this.#db.prepare(`${SELECT} ${ORDER}`).all() as unknown as AccountRow[]).map(toTenantIdentity);
  }

  get(tenantId: string, identityId: string): TenantIdentity | null {
    const row = this.#db.prepare(`${SELECT} WHERE a.tenant_id = ? AND a.identity_id = ?`).get(tenantId, identityId) as AccountRow | undefined;
    return row ? toTenantIdentity(row) : null;
  }

  /** Every user account PAL Desk has recorded (the candidates for a silent sign-in to a new customer). */
  users(): IdentityRecord[] {
    const rows = this.#db.prepare("SELECT identity_id, kind, home_account_id, client_id, username, display_name FROM identities WHERE kind = 'user' ORDER BY added_at").all() as Record<string, string | null>[];
    return rows.map((r) => ({
      identityId: r.identity_id as string,
      kind: 'user',
      homeAccountId: r.home_account_id ?? null,
      clientId: null,
      username: r.username ?? null,
      displayName: r.display_name ?? null,
    }));
  }

  /** Makes this account the one used for actions in the tenant when none is named. */
  setDefault(tenantId: string, identityId: string): void {
    this.#db.prepare('UPDATE tenant_accounts SET is_default = 0 WHERE tenant_id = ? AND is_default = 1').run(tenantId);
    this.#db.prepare('UPDATE tenant_accounts SET is_default = 1 WHERE tenant_id = ? AND identity_id = ?').run(tenantId, identityId);
  }

  /** Forgets the account in one tenant (sign-out there); the oldest remaining account becomes the default. */
  detach(tenantId: string, identityId: string): void {
    this.#db.prepare('DELETE FROM tenant_accounts WHERE tenant_id = ? AND identity_id = ?').run(tenantId, identityId);
    this.#promoteDefault(tenantId);
  }

  /** Forgets the account in every tenant (sign-out everywhere); returns the tenants it left. */
  detachEverywhere(identityId: string): string[] {
    const tenants = (this.#db.prepare('SELECT tenant_id FROM tenant_accounts WHERE identity_id = ?').all(identityId) as { tenant_id: string }[]).map((r) => r.tenant_id);
    this.#db.prepare('DELETE FROM tenant_accounts WHERE identity_id = ?').run(identityId);
    for (const tenantId of tenants) this.#promoteDefault(tenantId);
    return tenants;
  }

  #promoteDefault(tenantId: string): void {
    this.#db
      .prepare(
        `UPDATE tenant_accounts SET is_default = 1 WHERE tenant_id = ? AND NOT EXISTS (SELECT 1 FROM tenant_accounts WHERE tenant_id = ? AND is_default = 1)
         AND identity_id = (SELECT identity_id FROM tenant_accounts WHERE tenant_id = ? ORDER BY added_at, identity_id LIMIT 1)`,
      )
      .run(tenantId, tenantId, tenantId);
  }
}
