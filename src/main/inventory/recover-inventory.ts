/** Copies what still reads from a damaged inventory (settings, tenants, accounts, queued actions, audit log) into the fresh one, table by table. */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

type Row = Record<string, unknown>;

/** "3 tenants", or nothing for none. */
const some = (rows: Row[], one: string, many: string): string[] => (rows.length === 0 ? [] : [`${rows.length} ${rows.length === 1 ? one : many}`]);

/** What a person lost or kept, by table, in the order a foreign key needs them; facts read from Azure are left for the next sync. */
const TABLES: readonly { table: string; kept: (rows: Row[]) => string[]; lost: string | null }[] = [
  {
    table: 'settings',
    kept: (rows) => rows.flatMap((r) => (r.key === 'partnerId' && r.value !== 'null' ? ['your partner ID'] : r.key === 'clientId' && r.value !== 'null' ? ['your sign-in client ID'] : [])),
    lost: 'your partner ID and settings',
  },
  { table: 'tenants', kept: (rows) => some(rows, 'tenant', 'tenants'), lost: 'your tenants' },
  { table: 'identities', kept: () => [], lost: null },
  { table: 'tenant_accounts', kept: (rows) => some(rows, 'account of yours in them', 'accounts of yours in them'), lost: 'your accounts in each tenant' },
  { table: 'pending_actions', kept: (rows) => some(rows, 'queued action', 'queued actions'), lost: 'queued actions' },
  { table: 'audit_log', kept: (rows) => some(rows, 'audit log entry', 'audit log entries'), lost: 'the audit log' },
];

interface Recovery {
  recovered: string[];
  lost: string[];
}

function copyTable(from: DatabaseSync, to: DatabaseSync, table: string): Row[] | null {
  let rows: Row[];
  try {
    rows = from.prepare(`SELECT * FROM ${table}`).all() as Row[];
  } catch (error) {
    // A file written by an older PAL Desk may simply not have the table: nothing was lost there.
    return /no such table/.test(String(error)) ? [] : null;
  }
  const columns = new Set((to.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  to.exec('BEGIN IMMEDIATE');
  try {
    for (const row of rows) {
      const names = Object.keys(row).filter((name) => columns.has(name));
      to.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n] as string | number | null));
    }
    to.exec('COMMIT');
    return rows;
  } catch {
    to.exec('ROLLBACK');
    return null;
  }
}

function openReadOnly(file: string): DatabaseSync | null {
  try {
    return new DatabaseSync(file, { readOnly: true });
  } catch {
    return null;
  }
}

/** Reads the damaged file read-only and copies every table that reads in full into `to` (a fresh, migrated inventory). */
function recoverInto(to: DatabaseSync, damagedFile: string): Recovery {
  const recovered: string[] = [];
  const lost: string[] = [];
  const from = openReadOnly(damagedFile);
  for (const { table, kept, lost: what } of TABLES) {
    const rows = from ? copyTable(from, to, table) : null;
    if (rows) recovered.push(...kept(rows));
    else if (what) lost.push(what);
  }
  from?.close();
  return { recovered, lost };
}

const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

/** Recovers what reads from the damaged file into `to` and says, for the notice, where the file is kept (`keptAs`), what came back and what did not. */
export function recoverDamaged(to: DatabaseSync, damagedFile: string, keptAs: string): string {
  const { recovered, lost } = recoverInto(to, damagedFile);
  const kept = `The damaged file is kept as ${path.basename(keptAs)}.`;
  if (recovered.length === 0) {
    return `The inventory database was damaged and nothing could be read from it: a fresh inventory started. Set your partner ID again in Settings, add your tenants and sync them. ${kept}`;
  }
  const missing = list(lost);
  const partnerIdLost = lost.some((l) => l.includes('partner ID')) ? ': set your partner ID again in Settings' : '';
  const notRead = missing ? ` ${missing.charAt(0).toUpperCase()}${missing.slice(1)} could not be read${partnerIdLost}.` : '';
  return `The inventory database was damaged and a fresh inventory started. Recovered: ${list(recovered)}.${notRead} Sync your tenants to read their partner links again. ${kept}`;
}
