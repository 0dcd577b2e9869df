/** Tenants: what the consultant tracks, with the joined view (identity state, latest partner link, queue) in one query. */
import type { DatabaseSync } from 'node:sqlite';
import type { PalStatus, SignInState, TenantView } from '../../shared/view-types';
import { inTransaction } from './transaction';

export interface TenantRecord {
  tenantId: string;
  displayName: string;
  defaultDomain: string | null;
  cloudId: string;
}

interface ViewRow {
  tenant_id: string;
  display_name: string;
  default_domain: string | null;
  label: string | null;
  archived: number;
  last_synced_at: string | null;
  kind: 'user' | 'service-principal' | null;
  username: string | null;
  identity_name: string | null;
  object_id: string | null;
  sign_in: SignInState | null;
  last_error_code: string | null;
  last_error_message: string | null;
  partner_id: string | null;
  partner_name: string | null;
  state: string | null;
  seen_at: string | null;
  pending: number;
}

const VIEW_SQL = `
  SELECT t.tenant_id, t.display_name, t.default_domain, t.label, t.archived, t.last_synced_at,
         i.kind, i.username, i.display_name AS identity_name,
         ti.object_id, ti.sign_in, ti.last_error_code, ti.last_error_message,
         p.partner_id, p.partner_name, p.state, p.seen_at,
         (SELECT COUNT(*) FROM pending_actions q WHERE q.tenant_id = t.tenant_id AND q.status IN ('queued', 'running')) AS pending
  FROM tenants t
  LEFT JOIN tenant_identities ti ON ti.tenant_id = t.tenant_id
  LEFT JOIN identities i ON i.identity_id = ti.identity_id
  LEFT JOIN pal_links p ON p.id = (SELECT MAX(id) FROM pal_links WHERE tenant_id = t.tenant_id)`;

function palStatus(row: ViewRow, partnerId: string | null): PalStatus {
  if (!row.seen_at) return 'unknown';
  if (!row.partner_id || row.state === 'Deleted') return 'not-linked';
  return partnerId && row.partner_id !== partnerId ? 'other-partner' : 'linked';
}

function toView(row: ViewRow, partnerId: string | null): TenantView {
  return {
    tenantId: row.tenant_id,
    displayName: row.display_name,
    label: row.label,
    defaultDomain: row.default_domain,
    archived: row.archived === 1,
    identity: row.kind
      ? {
          kind: row.kind,
          username: row.username,
          displayName: row.identity_name,
          objectId: row.object_id,
          signIn: row.sign_in ?? 'signed-out',
          lastError: row.last_error_code ? { code: row.last_error_code, message: row.last_error_message ?? '' } : null,
        }
      : null,
    pal: {
      status: palStatus(row, partnerId),
      partnerId: row.state === 'Deleted' ? null : row.partner_id,
      partnerName: row.state === 'Deleted' ? null : row.partner_name,
      seenAt: row.seen_at,
    },
    lastSyncedAt: row.last_synced_at,
    pendingActions: row.pending,
  };
}

export class TenantRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /** Adds a tenant or refreshes its directory facts; keeps the local label and archive flag. */
  upsert(tenant: TenantRecord): void {
    this.#db
      .prepare(
        `INSERT INTO tenants (tenant_id, display_name, default_domain, cloud_id, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET display_name = excluded.display_name,
           default_domain = COALESCE(excluded.default_domain, tenants.default_domain)`,
      )
      .run(tenant.tenantId, tenant.displayName, tenant.defaultDomain, tenant.cloudId, this.#now().toISOString());
  }

  exists(tenantId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM tenants WHERE tenant_id = ?').get(tenantId) !== undefined;
  }

  /** Every tenant with its state, sorted by name; `partnerId` decides "linked" versus "other partner". */
  list(partnerId: string | null): TenantView[] {
    const rows = this.#db.prepare(`${VIEW_SQL} ORDER BY t.archived, COALESCE(t.label, t.display_name) COLLATE NOCASE`).all() as unknown as ViewRow[];
    return rows.map((row) => toView(row, partnerId));
  }

  get(tenantId: string, partnerId: string | null): TenantView | null {
    const row = this.#db.prepare(`${VIEW_SQL} WHERE t.tenant_id = ?`).get(tenantId) as ViewRow | undefined;
    return row ? toView(row, partnerId) : null;
  }

  ids(options: { includeArchived: boolean }): string[] {
    const sql = options.includeArchived ? 'SELECT tenant_id FROM tenants' : 'SELECT tenant_id FROM tenants WHERE archived = 0';
    return (this.#db.prepare(`${sql} ORDER BY tenant_id`).all() as { tenant_id: string }[]).map((r) => r.tenant_id);
  }

  rename(tenantId: string, label: string | null): void {
    this.#db.prepare('UPDATE tenants SET label = ? WHERE tenant_id = ?').run(label?.trim() || null, tenantId);
  }

  setArchived(tenantId: string, archived: boolean): void {
    this.#db.prepare('UPDATE tenants SET archived = ? WHERE tenant_id = ?').run(archived ? 1 : 0, tenantId);
  }

  markSynced(tenantId: string, error: string | null): void {
    this.#db.prepare('UPDATE tenants SET last_synced_at = ?, last_sync_error = ? WHERE tenant_id = ?').run(this.#now().toISOString(), error, tenantId);
  }

  /** Forgets the tenant and everything recorded about it, except the append-only audit log. */
  remove(tenantId: string): void {
    inTransaction(this.#db, () => this.#db.prepare('DELETE FROM tenants WHERE tenant_id = ?').run(tenantId));
  }
}
