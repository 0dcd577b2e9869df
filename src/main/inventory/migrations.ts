/** Numbered, append-only schema migrations. Never edit an applied one: add the next number (its checksum is recorded). */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tenants, identities, partner links, queue, audit, settings',
    sql: `
      CREATE TABLE tenants (
        tenant_id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        default_domain TEXT,
        label TEXT,
        cloud_id TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL,
        last_synced_at TEXT,
        last_sync_error TEXT
      );
      CREATE TABLE identities (
        identity_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'service-principal')),
        home_account_id TEXT,
        client_id TEXT,
        username TEXT,
        display_name TEXT,
        added_at TEXT NOT NULL
      );
      CREATE TABLE tenant_identities (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        identity_id TEXT NOT NULL REFERENCES identities(identity_id) ON DELETE CASCADE,
        object_id TEXT,
        sign_in TEXT NOT NULL CHECK (sign_in IN ('signed-in', 'needs-sign-in', 'error', 'signed-out')),
        last_error_code TEXT,
        last_error_message TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE pal_links (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        object_id TEXT,
        partner_id TEXT,
        partner_name TEXT,
        state TEXT,
        etag INTEGER,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX pal_links_latest ON pal_links (tenant_id, id DESC);
      CREATE TABLE pending_actions (
        action_id TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('link', 'unlink')),
        partner_id TEXT NOT NULL,
        confirm_replace_of TEXT,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'needs-confirmation')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        touched INTEGER NOT NULL
      );
      CREATE INDEX pending_actions_next ON pending_actions (status, touched);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        tenant_name TEXT,
        identity TEXT,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT,
        outcome TEXT NOT NULL,
        request_id TEXT,
        message TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];
