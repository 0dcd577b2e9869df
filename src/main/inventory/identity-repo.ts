/** The partner's accounts (users, service principals) and which one PAL Desk uses in each tenant, with its sign-in state. */
import type { DatabaseSync } from 'node:sqlite';
import type { SignInState } from '../../shared/view-types';
import type { IdentityRecord } from '../auth/auth-service';

export interface TenantIdentity extends IdentityRecord {
  tenantId: string;
  objectId: string | null;
  signIn: SignInState;
}

export class IdentityRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /** Records that `identity` is the account used in `tenantId` (replacing any previous one there). */
  assign(tenantId: string, identity: IdentityRecord, objectId: string | null, signIn: SignInState): void {
    const now = this.#now().toISOString();
    this.#db
      .prepare(
        `INSERT INTO identities (identity_id, kind, home_account_id, client_id, username, display_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (identity_id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name`,
      )
      .run(identity.identityId, identity.kind, identity.homeAccountId, identity.clientId, identity.username, identity.displayName, now);
    this.#db
      .prepare(
        `INSERT INTO tenant_identities (tenant_id, identity_id, object_id, sign_in, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET identity_id = excluded.identity_id, object_id = excluded.object_id,
           sign_in = excluded.sign_in, last_error_code = NULL, last_error_message = NULL, updated_at = excluded.updated_at`,
      )
      .run(tenantId, identity.identityId, objectId, signIn, now);
  }

  /** Updates the sign-in state of the tenant's account (with the error a person should see, if any). */
  setSignIn(tenantId: string, signIn: SignInState, error: { code: string; message: string } | null): void {
    this.#db
      .prepare('UPDATE tenant_identities SET sign_in = ?, last_error_code = ?, last_error_message = ?, updated_at = ? WHERE tenant_id = ?')
      .run(signIn, error?.code ?? null, error?.message ?? null, this.#now().toISOString(), tenantId);
  }

  /** A silent token worked: the account is signed in there, with this object id. */
  confirm(tenantId: string, objectId: string | null): void {
    this.#db
      .prepare("UPDATE tenant_identities SET sign_in = 'signed-in', object_id = COALESCE(?, object_id), last_error_code = NULL, last_error_message = NULL, updated_at = ? WHERE tenant_id = ?")
      .run(objectId, this.#now().toISOString(), tenantId);
  }

  forTenant(tenantId: string): TenantIdentity | null {
    const row = this.#db
      .prepare(
        `SELECT ti.tenant_id, ti.object_id, ti.sign_in, i.identity_id, i.kind, i.home_account_id, i.client_id, i.username, i.display_name
         FROM tenant_identities ti JOIN identities i ON i.identity_id = ti.identity_id WHERE ti.tenant_id = ?`,
      )
      .get(tenantId) as Record<string, string | null> | undefined;
    if (!row) return null;
    return {
      tenantId: row.tenant_id as string,
      objectId: row.object_id ?? null,
      signIn: row.sign_in as SignInState,
      identityId: row.identity_id as string,
      kind: row.kind as IdentityRecord['kind'],
      homeAccountId: row.home_account_id ?? null,
      clientId: row.client_id ?? null,
      username: row.username ?? null,
      displayName: row.display_name ?? null,
    };
  }

  /** Forgets an account in every tenant (sign-out everywhere). */
  unassignEverywhere(identityId: string): void {
    this.#db.prepare('DELETE FROM tenant_identities WHERE identity_id = ?').run(identityId);
  }

  /** Forgets which account is used in the tenant (sign-out). */
  unassign(tenantId: string): void {
    this.#db.prepare('DELETE FROM tenant_identities WHERE tenant_id = ?').run(tenantId);
  }
}
