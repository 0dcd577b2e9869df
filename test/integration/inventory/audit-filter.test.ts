/** The audit log's filtered, paged query on a real SQLite file: what the Activity page's filters ask main for. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../src/main/domain/audit';
import { Inventory } from '../../../src/main/inventory/inventory';
import { INVOKE_CHANNELS } from '../../../src/shared/ipc-contract';
import { heldWriterLock } from '../support/held-writer-lock';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FABRIKAM = '22222222-2222-4222-8222-222222222222';

/** An inventory whose audit log holds, one day apart from 1 Nov 2026: Contoso linked, Fabrikam replaced, Contoso unlinked, 100%_Fabrikam already linked. */
function seeded(): Inventory {
  let clock = Date.parse('2026-11-01T10:00:00Z');
  const inv = new Inventory(mkdtempSync(path.join(tmpdir(), 'pal-audit-')), () => new Date(clock));
  const fence = heldWriterLock(inv);
  const entry = (tenantId: string, tenantName: string, action: AuditRecord['action'], outcome: string) => {
    inv.audit.append(fence, { tenantId, tenantName, identity: 'ana@partner.com', action, before: null, after: '1234567', outcome, requestId: null, message: null });
    clock += 24 * 3600_000;
  };
  entry(CONTOSO, 'Contoso', 'link', 'linked');
  entry(FABRIKAM, 'Fabrikam', 'replace', 'replaced');
  entry(CONTOSO, 'Contoso', 'unlink', 'unlinked');
  entry(FABRIKAM, '100%_Fabrikam', 'link', 'already-linked');
  return inv;
}

describe('audit log filters', () => {
  it('finds a tenant by part of its name, whatever the case, or by its tenant ID', () => {
    const inv = seeded();
    expect(inv.audit.list(10, undefined, { tenant: 'conTOSO' }).map((a) => a.outcome)).toEqual(['unlinked', 'linked']);
    expect(inv.audit.list(10, undefined, { tenant: FABRIKAM }).map((a) => a.outcome)).toEqual(['already-linked', 'replaced']);
    inv.close();
  });

  it('reads % and _ in a search as the characters themselves, not as wildcards', () => {
    const inv = seeded();
    expect(inv.audit.list(10, undefined, { tenant: '100%_' }).map((a) => a.tenantName)).toEqual(['100%_Fabrikam']);
    expect(inv.audit.list(10, undefined, { tenant: 'o%o' })).toEqual([]);
    inv.close();
  });

  it('keeps only the chosen actions and outcomes, combined with the tenant', () => {
    const inv = seeded();
    expect(inv.audit.list(10, undefined, { actions: ['link'] }).map((a) => a.outcome)).toEqual(['already-linked', 'linked']);
    expect(inv.audit.list(10, undefined, { outcomes: ['replaced', 'unlinked'] }).map((a) => a.tenantName)).toEqual(['Contoso', 'Fabrikam']);
    expect(inv.audit.list(10, undefined, { tenant: 'fabrikam', outcomes: ['linked', 'replaced'] }).map((a) => a.action)).toEqual(['replace']);
    inv.close();
  });

  it('keeps the entries of a date range, its start included and its end excluded', () => {
    const inv = seeded();
    const range = { from: '2026-11-02T10:00:00.000Z', to: '2026-11-04T10:00:00.000Z' };
    expect(inv.audit.list(10, undefined, range).map((a) => a.outcome)).toEqual(['unlinked', 'replaced']);
    inv.close();
  });

  it('pages back through the filtered entries with "before this id"', () => {
    const inv = seeded();
    const first = inv.audit.list(1, undefined, { tenant: 'contoso' });
    expect(first.map((a) => a.outcome)).toEqual(['unlinked']);
    const older = inv.audit.list(1, first[0]?.id, { tenant: 'contoso' });
    expect(older.map((a) => a.outcome)).toEqual(['linked']);
    expect(inv.audit.list(1, older[0]?.id, { tenant: 'contoso' })).toEqual([]);
    inv.close();
  });

  it('answers a filter on tenant, action or outcome from an index, not by reading the whole log', () => {
    const inv = seeded();
    const plan = (where: string) =>
      (inv.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM audit_log WHERE id < 99 AND ${where} ORDER BY id DESC LIMIT 5`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan(`tenant_id = '${CONTOSO}'`)).toMatch(/USING (COVERING )?INDEX audit_log_tenant/);
    expect(plan(`outcome IN ('replaced')`)).toMatch(/USING (COVERING )?INDEX audit_log_outcome/);
    expect(plan(`action IN ('unlink')`)).toMatch(/USING (COVERING )?INDEX audit_log_action/);
    inv.close();
  });

  it('refuses an unknown outcome, an unknown action or a date that is not ISO 8601 before any handler runs', () => {
    const schema = INVOKE_CHANNELS['audit:list'].request;
    expect(schema.safeParse({ limit: 10, filter: { outcomes: ['deleted'] } }).success).toBe(false);
    expect(schema.safeParse({ limit: 10, filter: { actions: ['drop'] } }).success).toBe(false);
    expect(schema.safeParse({ limit: 10, filter: { from: 'yesterday' } }).success).toBe(false);
    expect(schema.safeParse({ limit: 10, filter: { tenant: 'x', sql: '1=1' } }).success).toBe(false);
    expect(schema.safeParse({ limit: 10, filter: { tenant: 'contoso', outcomes: ['linked'], from: '2026-11-01T00:00:00.000Z' } }).success).toBe(true);
  });
});
