/** Tenants: what the consultant tracks, and their views (each account with its latest partner link, the queue, stale facts). */
import type { DatabaseSync } from 'node:sqlite';
import { accountLinkStatus, tenantPalSummary } from '../../shared/pal-status';
import type { AccountView, StaleFact, TenantView } from '../../shared/view-types';
import { toTenantIdentity, type AccountRow as AccountRowBase } from './account-repo';
import type { CollectorRunsRepo } from './collector-runs-repo';
import { inTransaction } from './transaction';

export interface TenantRecord {
  tenantId: string;
  displayName: string;
  defaultDomain: string | null;
  cloudId: string;
}

interface TenantRow {
  tenant_id: string;
  display_name: string;
  default_domain: string | null;
  cloud_id: string;
  label: string | null;
  archived: number;
  last_synced_at: string | null;
  pending: number;
}

/** An account row (see account-repo) with its latest link observation. */
interface AccountRow extends AccountRowBase {
  partner_id: string | null;
  partner_name: string | null;
  state: string | null;
  seen_at: string | null;
}

const TENANT_SQL = `
  SELECT t.tenant_id, t.display_name, t.default_domain, t.cloud_id, t.label, t.archived, t.last_synced_at,
         (SELECT COUNT(*) FROM pending_actions q WHERE q.tenant_id = t.tenant_id AND q.status IN ('queued', 'running')) AS pending
  FROM tenants t`;

/** Each account with its latest link observation. */
const ACCOUNT_SQL = `
  SELECT a.tenant_id, a.identity_id, a.object_id, a.sign_in, a.last_error_code, a.last_error_message, a.is_default,
         i.kind, i.home_account_id, i.client_id, i.username, i.display_name, p.partner_id, p.partner_name, p.state, p.seen_at
  FROM tenant_accounts a
  JOIN identities i ON i.identity_id = a.identity_id
  LEFT JOIN pal_links p ON p.id = (SELECT MAX(id) FROM pal_links WHERE tenant_id = a.tenant_id AND identity_id = a.identity_id)`;

function toAccountView(row: AccountRow, partnerId: string | null): AccountView {
  const deleted = row.state === 'Deleted';
  const { tenantId: _tenant, homeAccountId: _home, clientId: _client, ...account } = toTenantIdentity(row);
  return {
    ...account,
    pal: {
      status: accountLinkStatus(row.seen_at ? { partnerId: row.partner_id, seenAt: row.seen_at, deleted } : null, partnerId),
      partnerId: deleted ? null : row.partner_id,
      partnerName: deleted ? null : row.partner_name,
      seenAt: row.seen_at,
    },
  };
}

function toView(row: TenantRow, accounts: AccountView[], stale: StaleFact[]): TenantView {
  return {
    tenantId: row.tenant_id,
    displayName: row.display_name,
    label: row.label,
    defaultDomain: row.default_domain,
    cloudId: row.cloud_id,
    archived: row.archived === 1,
    accounts,
    pal: tenantPalSummary(accounts),
    lastSyncedAt: row.last_synced_at,
    pendingActions: row.pending,
    stale,
  };
}

export class TenantRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  readonly #runs: CollectorRunsRepo;

  constructor(db: DatabaseSync, now: () => Date, runs: CollectorRunsRepo) {
    this.#db = db;
    this.#now = now;
    this.#runs = runs;
  }

  #views(rows: TenantRow[], partnerId: string | null, tenantId?: string): TenantView[] {
    const accountRows = this.#db
      .prepare(`${ACCOUNT_SQL}${tenantId ? ' WHERE a.tenant_id = ?' : ''} ORDER BY a.is_default DESC, a.added_at, a.identity_id`)
      .all(...(tenantId ? [tenantId] : [])) as unknown as AccountRow[];
    const accounts = new Map<string, AccountView[]>();
    for (const r of accountRows) accounts.set(r.tenant_id, [...(accounts.get(r.tenant_id) ?? []), toAccountView(r, partnerId)]);
    const stale = this.#runs.staleByTenant(tenantId);
    return rows.map((row) => toView(row, accounts.get(row.tenant_id) ?? [], stale.get(row.tenant_id) ?? []));
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

  /** The cloud the tenant was added in, or null for a tenant not tracked. */
  cloudOf(tenantId: string): string | null {
    return (this.#db.prepare('SELECT cloud_id FROM tenants WHERE tenant_id = ?').get(tenantId) as { cloud_id: string } | undefined)?.cloud_id ?? null;
  }

  exists(tenantId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM tenants WHERE tenant_id = ?').get(tenantId) !== undefined;
  }

  /** Every tenant with its state, sorted by name; `partnerId` decides "linked" versus "other partner". */
  list(partnerId: string | null): TenantView[] {
    const rows = this.#db.prepare(`${TENANT_SQL} ORDER BY t.archived, COALESCE(t.label, t.display_name) COLLATE NOCASE`).all() as unknown as TenantRow[];
    return this.#views(rows, partnerId);
  }

  get(tenantId: string, partnerId: string | null): TenantView | null {
    const row = this.#db.prepare(`${TENANT_SQL} WHERE t.tenant_id = ?`).get(tenantId) as TenantRow | undefined;
    return row ? (this.#views([row], partnerId, tenantId)[0] ?? null) : null;
  }

  /** The name a person knows the tenant by: the local label, else the directory's name. */
  label(tenantId: string): string {
    const row = this.#db.prepare('SELECT label, display_name FROM tenants WHERE tenant_id = ?').get(tenantId) as { label: string | null; display_name: string } | undefined;
    return row?.label ?? row?.display_name ?? tenantId;
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

  markSynced(tenantId: string): void {
    this.#db.prepare('UPDATE tenants SET last_synced_at = ? WHERE tenant_id = ?').run(this.#now().toISOString(), tenantId);
  }

  /** Forgets the tenant and everything recorded about it, except the append-only audit log. */
  remove(tenantId: string): void {
    inTransaction(this.#db, () => this.#db.prepare('DELETE FROM tenants WHERE tenant_id = ?').run(tenantId));
  }
}
