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
  {
    version: 2,
    name: 'several accounts per tenant, link observations and queued actions per account, collector runs',
    sql: `
      CREATE TABLE tenant_accounts (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        identity_id TEXT NOT NULL REFERENCES identities(identity_id) ON DELETE CASCADE,
        object_id TEXT,
        sign_in TEXT NOT NULL CHECK (sign_in IN ('signed-in', 'needs-sign-in', 'error', 'signed-out')),
        last_error_code TEXT,
        last_error_message TEXT,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, identity_id)
      );
      INSERT INTO tenant_accounts (tenant_id, identity_id, object_id, sign_in, last_error_code, last_error_message, is_default, added_at, updated_at)
        SELECT tenant_id, identity_id, object_id, sign_in, last_error_code, last_error_message, 1, updated_at, updated_at FROM tenant_identities;
      DROP TABLE tenant_identities;
      CREATE UNIQUE INDEX tenant_accounts_one_default ON tenant_accounts (tenant_id) WHERE is_default = 1;
      CREATE INDEX tenant_accounts_by_identity ON tenant_accounts (identity_id);

      ALTER TABLE pal_links ADD COLUMN identity_id TEXT;
      UPDATE pal_links SET identity_id = (
        SELECT a.identity_id FROM tenant_accounts a WHERE a.tenant_id = pal_links.tenant_id AND a.object_id = pal_links.object_id);
      UPDATE pal_links SET identity_id = (
        SELECT a.identity_id FROM tenant_accounts a WHERE a.tenant_id = pal_links.tenant_id AND a.is_default = 1) WHERE identity_id IS NULL;
      DROP INDEX pal_links_latest;
      CREATE INDEX pal_links_latest ON pal_links (tenant_id, identity_id, id DESC);

      ALTER TABLE pending_actions ADD COLUMN identity_id TEXT;
      UPDATE pending_actions SET identity_id = (
        SELECT a.identity_id FROM tenant_accounts a WHERE a.tenant_id = pending_actions.tenant_id AND a.is_default = 1);

      ALTER TABLE tenants DROP COLUMN last_sync_error;
      CREATE TABLE collector_runs (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        collector TEXT NOT NULL,
        succeeded_at TEXT,
        failed_at TEXT,
        error_code TEXT,
        error_message TEXT,
        PRIMARY KEY (tenant_id, collector)
      );
    `,
  },
  {
    version: 3,
    name: 'write-ahead intents, one writer per data folder, queue leases and retry times',
    sql: `
      CREATE TABLE write_intents (
        intent_id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        tenant_name TEXT,
        identity_id TEXT NOT NULL,
        identity TEXT,
        action TEXT NOT NULL CHECK (action IN ('link', 'replace', 'unlink')),
        before TEXT,
        requested TEXT,
        action_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'settled')),
        created_at TEXT NOT NULL,
        settled_at TEXT
      );
      CREATE INDEX write_intents_pending ON write_intents (tenant_id, identity_id) WHERE state = 'pending';
      CREATE TABLE writer_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holder TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        since TEXT NOT NULL,
        heartbeat TEXT NOT NULL
      );
      ALTER TABLE pending_actions ADD COLUMN lease_owner TEXT;
      ALTER TABLE pending_actions ADD COLUMN lease_expires_at TEXT;
      ALTER TABLE pending_actions ADD COLUMN not_before TEXT;
    `,
  },
  {
    version: 4,
    name: 'notices kept until a person acknowledges them',
    sql: `
      CREATE TABLE notices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        acknowledged_at TEXT
      );
      CREATE INDEX notices_open ON notices (acknowledged_at, id);
    `,
  },
  {
    version: 5,
    name: 'Power Platform inventory: environments, apps, flows, datasets, Dataverse users and the scope each product was read with',
    sql: `
      CREATE TABLE environments (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        environment_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        sku TEXT CHECK (sku IN ('Production', 'Sandbox', 'Trial', 'Developer', 'Default')),
        region TEXT,
        dataverse_url TEXT,
        customer_insights INTEGER NOT NULL CHECK (customer_insights IN (0, 1)),
        seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, environment_id)
      );
      CREATE TABLE apps (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        app_id TEXT NOT NULL,
        environment_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        app_type TEXT CHECK (app_type IN ('canvas', 'model-driven')),
        owner_object_id TEXT,
        co_owner_object_ids TEXT,
        solution_aware INTEGER CHECK (solution_aware IN (0, 1)),
        seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, app_id)
      );
      CREATE TABLE flows (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        flow_id TEXT NOT NULL,
        environment_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        creator_object_id TEXT,
        state TEXT,
        solution_aware INTEGER CHECK (solution_aware IN (0, 1)),
        seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, flow_id)
      );
      CREATE TABLE datasets (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        dataset_id TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        workspace_name TEXT NOT NULL,
        name TEXT NOT NULL,
        configured_by TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, dataset_id)
      );
      CREATE TABLE dataverse_users (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        environment_id TEXT NOT NULL,
        azure_object_id TEXT NOT NULL,
        is_disabled INTEGER NOT NULL CHECK (is_disabled IN (0, 1)),
        seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, environment_id, azure_object_id)
      );
      CREATE TABLE inventory_scopes (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        product TEXT NOT NULL CHECK (product IN ('environments', 'power-apps', 'power-automate', 'power-bi', 'customer-insights')),
        scope TEXT NOT NULL CHECK (scope IN ('admin', 'maker', 'denied')),
        identity_id TEXT,
        reason TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, product)
      );
    `,
  },
  {
    version: 6,
    name: 'apps: emails of the owner and co-owners, to spot editors from outside the customer and us',
    sql: `ALTER TABLE apps ADD COLUMN editor_emails TEXT;`,
  },
  {
    version: 7,
    name: 'audit log indexes for the Activity page filters (tenant, action, outcome, time)',
    sql: `
      CREATE INDEX audit_log_tenant ON audit_log (tenant_id, id);
      CREATE INDEX audit_log_action ON audit_log (action, id);
      CREATE INDEX audit_log_outcome ON audit_log (outcome, id);
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
  {
    version: 8,
    name: "apps: security groups that co-own an app; flows: today's owners of a flow our accounts did not create",
    sql: `
      ALTER TABLE apps ADD COLUMN co_owner_groups TEXT;
      ALTER TABLE flows ADD COLUMN owner_object_ids TEXT;
    `,
  },
  {
    version: 9,
    name: 'collector runs: the time a throttled collector may call its service again',
    sql: `ALTER TABLE collector_runs ADD COLUMN not_before TEXT;`,
  },
  {
    version: 10,
    name: 'Customer Insights from installed packages or solutions (unknown allowed, with its reason); the kind of each Dataverse user',
    // An environment with Dataverse read before this was judged by a BAP template no real answer carries: unknown until the next sync.
    sql: `
      CREATE TABLE environments_v10 (
        tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
        environment_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        sku TEXT CHECK (sku IN ('Production', 'Sandbox', 'Trial', 'Developer', 'Default')),
        region TEXT,
        dataverse_url TEXT,
        customer_insights INTEGER CHECK (customer_insights IN (0, 1)),
        customer_insights_reason TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, environment_id)
      );
      INSERT INTO environments_v10 (tenant_id, environment_id, display_name, sku, region, dataverse_url, customer_insights, customer_insights_reason, seen_at)
        SELECT tenant_id, environment_id, display_name, sku, region, dataverse_url,
               CASE WHEN dataverse_url IS NULL THEN 0 END,
               CASE WHEN dataverse_url IS NULL THEN NULL ELSE 'Read before PAL Desk looked at installed packages: sync again.' END,
               seen_at
        FROM environments;
      DROP TABLE environments;
      ALTER TABLE environments_v10 RENAME TO environments;
      ALTER TABLE dataverse_users ADD COLUMN kind TEXT
        CHECK (kind IN ('interactive', 'administrative', 'read', 'support', 'non-interactive', 'delegated-admin', 'application', 'disabled', 'deleted'));
    `,
  },
  {
    version: 11,
    name: 'admin API calls per service and tenant in the last hour, and holds from Retry-After: one budget for the app, the browser host and the CLI',
    sql: `
      CREATE TABLE admin_calls (
        service TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        api TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX admin_calls_window ON admin_calls (service, tenant_id, api, at);
      CREATE TABLE admin_holds (
        service TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        api TEXT NOT NULL,
        until INTEGER NOT NULL,
        PRIMARY KEY (service, tenant_id)
      );
    `,
  },
  {
    version: 12,
    name: 'a generation (fencing token) for the writer lock, and leases of the processes at work in the data folder',
    sql: `
      ALTER TABLE writer_lock ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE writer_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL,
        holder TEXT,
        pid INTEGER,
        host TEXT,
        since TEXT
      );
      INSERT INTO writer_generation (id, last) VALUES (1, 0);
      CREATE TABLE work_leases (
        owner TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        work TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        since TEXT NOT NULL,
        heartbeat TEXT NOT NULL
      );
    `,
  },
];
