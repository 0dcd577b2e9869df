/** Power Platform facts per tenant (environments, apps, flows, datasets, Dataverse users) and the scope each product was read with; a sync replaces a tenant's rows of a product. */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { AppFact, DatasetFact, DataverseUserFact, DataverseUserKind, EnvironmentFact, FlowFact, InventoryScope } from '../../shared/power-platform-types';

type Row = Record<string, SQLInputValue>;

interface Table<F> {
  name: string;
  columns: readonly string[];
  toRow(fact: F): SQLInputValue[];
  fromRow(row: Row): F;
  order: string;
}

const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);
const bool = (value: SQLInputValue | undefined): boolean | null => (value === null || value === undefined ? null : value === 1);
const text = (value: SQLInputValue | undefined): string | null => (value === null || value === undefined ? null : String(value));
const jsonOf = (value: unknown[] | null | undefined): string | null => (value ? JSON.stringify(value) : null);
/** `{ [key]: parsed }` when the column holds JSON, else nothing (the optional fact field stays absent). */
const optionalJson = <K extends string, V>(key: K, value: SQLInputValue | undefined): { [P in K]?: V } =>
  value === null || value === undefined ? {} : ({ [key]: JSON.parse(String(value)) as V } as { [P in K]?: V });

const ENVIRONMENTS: Table<EnvironmentFact> = {
  name: 'environments',
  columns: ['tenant_id', 'environment_id', 'display_name', 'sku', 'region', 'dataverse_url', 'customer_insights', 'customer_insights_reason', 'seen_at'],
  toRow: (f) => [f.tenantId, f.environmentId, f.displayName, f.sku, f.region, f.dataverseUrl, flag(f.customerInsights), f.customerInsightsReason, f.seenAt],
  fromRow: (r) => ({
    tenantId: String(r.tenant_id),
    environmentId: String(r.environment_id),
    displayName: String(r.display_name),
    sku: text(r.sku) as EnvironmentFact['sku'],
    region: text(r.region),
    dataverseUrl: text(r.dataverse_url),
    customerInsights: bool(r.customer_insights),
    customerInsightsReason: text(r.customer_insights_reason),
    seenAt: String(r.seen_at),
  }),
  order: 'tenant_id, display_name',
};

const APPS: Table<AppFact> = {
  name: 'apps',
  columns: ['tenant_id', 'app_id', 'environment_id', 'display_name', 'app_type', 'owner_object_id', 'co_owner_object_ids', 'editor_emails', 'co_owner_groups', 'solution_aware', 'seen_at'],
  toRow: (f) => [
    f.tenantId,
    f.appId,
    f.environmentId,
    f.displayName,
    f.appType,
    f.ownerObjectId,
    f.coOwnerObjectIds ? JSON.stringify(f.coOwnerObjectIds) : null,
    f.editorEmails ? JSON.stringify(f.editorEmails) : null,
    jsonOf(f.coOwnerGroups),
    flag(f.solutionAware),
    f.seenAt,
  ],
  fromRow: (r) => ({
    tenantId: String(r.tenant_id),
    environmentId: String(r.environment_id),
    appId: String(r.app_id),
    displayName: String(r.display_name),
    appType: text(r.app_type) as AppFact['appType'],
    ownerObjectId: text(r.owner_object_id),
    coOwnerObjectIds: r.co_owner_object_ids === null ? null : (JSON.parse(String(r.co_owner_object_ids)) as string[]),
    editorEmails: r.editor_emails === null || r.editor_emails === undefined ? null : (JSON.parse(String(r.editor_emails)) as string[]),
    ...optionalJson<'coOwnerGroups', AppFact['coOwnerGroups']>('coOwnerGroups', r.co_owner_groups),
    solutionAware: bool(r.solution_aware),
    seenAt: String(r.seen_at),
  }),
  order: 'tenant_id, environment_id, display_name',
};

const FLOWS: Table<FlowFact> = {
  name: 'flows',
  columns: ['tenant_id', 'flow_id', 'environment_id', 'display_name', 'creator_object_id', 'owner_object_ids', 'state', 'solution_aware', 'seen_at'],
  toRow: (f) => [f.tenantId, f.flowId, f.environmentId, f.displayName, f.creatorObjectId, jsonOf(f.ownerObjectIds), f.state, flag(f.solutionAware), f.seenAt],
  fromRow: (r) => ({
    tenantId: String(r.tenant_id),
    environmentId: String(r.environment_id),
    flowId: String(r.flow_id),
    displayName: String(r.display_name),
    creatorObjectId: text(r.creator_object_id),
    ...optionalJson<'ownerObjectIds', FlowFact['ownerObjectIds']>('ownerObjectIds', r.owner_object_ids),
    state: text(r.state),
    solutionAware: bool(r.solution_aware),
    seenAt: String(r.seen_at),
  }),
  order: 'tenant_id, environment_id, display_name',
};

const DATASETS: Table<DatasetFact> = {
  name: 'datasets',
  columns: ['tenant_id', 'dataset_id', 'workspace_id', 'workspace_name', 'name', 'configured_by', 'seen_at'],
  toRow: (f) => [f.tenantId, f.datasetId, f.workspaceId, f.workspaceName, f.name, f.configuredBy, f.seenAt],
  fromRow: (r) => ({
    tenantId: String(r.tenant_id),
    workspaceId: String(r.workspace_id),
    workspaceName: String(r.workspace_name),
    datasetId: String(r.dataset_id),
    name: String(r.name),
    configuredBy: text(r.configured_by),
    seenAt: String(r.seen_at),
  }),
  order: 'tenant_id, workspace_name, name',
};

const DATAVERSE_USERS: Table<DataverseUserFact> = {
  name: 'dataverse_users',
  columns: ['tenant_id', 'environment_id', 'azure_object_id', 'is_disabled', 'kind', 'seen_at'],
  toRow: (f) => [f.tenantId, f.environmentId, f.azureObjectId, f.isDisabled ? 1 : 0, f.kind, f.seenAt],
  fromRow: (r) => ({
    tenantId: String(r.tenant_id),
    environmentId: String(r.environment_id),
    azureObjectId: String(r.azure_object_id),
    isDisabled: r.is_disabled === 1,
    kind: text(r.kind) as DataverseUserKind | null,
    seenAt: String(r.seen_at),
  }),
  order: 'tenant_id, environment_id, azure_object_id',
};

export class PowerPlatformRepo {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Replaces the tenant's environments with these (an environment no longer listed disappears). */
  replaceEnvironments(tenantId: string, facts: readonly EnvironmentFact[]): void {
    this.#replace(ENVIRONMENTS, tenantId, facts);
  }

  replaceApps(tenantId: string, facts: readonly AppFact[]): void {
    this.#replace(APPS, tenantId, facts);
  }

  replaceFlows(tenantId: string, facts: readonly FlowFact[]): void {
    this.#replace(FLOWS, tenantId, facts);
  }

  replaceDatasets(tenantId: string, facts: readonly DatasetFact[]): void {
    this.#replace(DATASETS, tenantId, facts);
  }

  replaceDataverseUsers(tenantId: string, facts: readonly DataverseUserFact[]): void {
    this.#replace(DATAVERSE_USERS, tenantId, facts);
  }

  /** Records how much of a product the tenant's facts cover (admin, one account's maker view, or denied) and why. */
  setScope(s: InventoryScope): void {
    this.#db
      .prepare(
        `INSERT INTO inventory_scopes (tenant_id, product, scope, identity_id, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, product) DO UPDATE SET scope = excluded.scope, identity_id = excluded.identity_id, reason = excluded.reason, seen_at = excluded.seen_at`,
      )
      .run(s.tenantId, s.product, s.scope, s.identityId, s.reason, s.seenAt);
  }

  /** One tenant's environments, or every tenant's when no tenant is given (likewise for the reads below). */
  environments(tenantId?: string): EnvironmentFact[] {
    return this.#read(ENVIRONMENTS, tenantId);
  }

  apps(tenantId?: string): AppFact[] {
    return this.#read(APPS, tenantId);
  }

  flows(tenantId?: string): FlowFact[] {
    return this.#read(FLOWS, tenantId);
  }

  datasets(tenantId?: string): DatasetFact[] {
    return this.#read(DATASETS, tenantId);
  }

  dataverseUsers(tenantId?: string): DataverseUserFact[] {
    return this.#read(DATAVERSE_USERS, tenantId);
  }

  scopes(tenantId?: string): InventoryScope[] {
    const rows = this.#rows('inventory_scopes', 'tenant_id, product', tenantId);
    return rows.map((r) => ({
      tenantId: String(r.tenant_id),
      product: String(r.product) as InventoryScope['product'],
      scope: String(r.scope) as InventoryScope['scope'],
      identityId: text(r.identity_id),
      reason: text(r.reason),
      seenAt: String(r.seen_at),
    }));
  }

  /** Runs inside the snapshot transaction: deletes the tenant's rows, then inserts the facts with one prepared statement. */
  #replace<F>(table: Table<F>, tenantId: string, facts: readonly F[]): void {
    this.#db.prepare(`DELETE FROM ${table.name} WHERE tenant_id = ?`).run(tenantId);
    const insert = this.#db.prepare(`INSERT OR REPLACE INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
    for (const fact of facts) insert.run(...table.toRow(fact));
  }

  #read<F>(table: Table<F>, tenantId: string | undefined): F[] {
    return this.#rows(table.name, table.order, tenantId).map(table.fromRow);
  }

  #rows(name: string, order: string, tenantId: string | undefined): Row[] {
    const where = tenantId === undefined ? '' : ' WHERE tenant_id = ?';
    return this.#db.prepare(`SELECT * FROM ${name}${where} ORDER BY ${order}`).all(...(tenantId === undefined ? [] : [tenantId])) as Row[];
  }
}
