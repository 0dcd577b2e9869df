import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TenantIdentity } from '../../../src/main/domain/identity';
import { Inventory } from '../../../src/main/inventory/inventory';
import type { Logger } from '../../../src/main/logger';
import type { Collector } from '../../../src/main/sync/collector';
import { SyncService, type SyncServiceDeps } from '../../../src/main/sync/sync-service';
import { AppFailure } from '../../../src/shared/result';

const contoso = { tenantId: '11111111-1111-4111-8111-111111111111', displayName: 'Contoso', defaultDomain: 'contoso.com', cloudId: 'sim' };
const ana = { identityId: 'ana', kind: 'user', tenantId: contoso.tenantId } as TenantIdentity;

describe('a collector that fails unexpectedly', () => {
  it('fails only that collector: the error is logged without a stack, its facts marked stale with a message, and the other collectors saved', async () => {
    const inventory = new Inventory(mkdtempSync(path.join(tmpdir(), 'pal-collector-failure-')));
    inventory.tenants.upsert(contoso);
    const saved: string[] = [];
    const logged: { event: string; fields?: Record<string, unknown> }[] = [];
    const log: Logger = { info: () => undefined, warn: () => undefined, error: (event, fields) => logged.push({ event, fields }) };
    const reads = (name: string, service: string): Collector => ({ name, facts: name, service, collect: async () => ({ save: () => void saved.push(name) }) });
    const broken: Collector = { name: 'flows', facts: 'flows', service: 'Power Automate', collect: async () => JSON.parse('{"value":') as never };
    const deps = { inventory, collectors: [reads('partner-links', 'Azure'), broken, reads('power-bi', 'Power BI')], accounts: () => [ana], label: () => 'Contoso', log };
    const sync = new SyncService(deps as unknown as SyncServiceDeps);

    const outcome = await sync.syncOne(contoso.tenantId, { signal: new AbortController().signal, step: () => undefined }).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(AppFailure);
    expect(outcome).toMatchObject({ code: 'internal' });
    expect((outcome as AppFailure).message).toBe(
      'PAL Desk could not read the flows of Contoso from Power Automate (an unexpected error, written to the log); it keeps the flows of the last sync. Try again, and report it if it persists.',
    );
    expect(saved).toEqual(['partner-links', 'power-bi']);
    expect(inventory.runs.staleByTenant(contoso.tenantId).get(contoso.tenantId)).toMatchObject([{ collector: 'flows', code: 'internal' }]);
    expect(logged).toEqual([{ event: 'sync.collector-failed', fields: { collector: 'flows', tenantId: contoso.tenantId, error: expect.stringMatching(/^SyntaxError: /) } }]);
    expect(JSON.stringify(logged)).not.toMatch(/\n\s+at /);
    inventory.close();
  });
});
