import { describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../../src/shared/view-types';

/** The audit log main would hold: ids 1..250, and each call's request. */
const calls: { limit: number; beforeId?: number; filter?: unknown }[] = [];
const entry = (id: number): AuditEntryView => ({ id, at: '2026-11-24T10:00:00.000Z', tenantId: 't', tenantName: 'Contoso', identity: null, action: 'link', before: null, after: '1', outcome: 'linked', requestId: null, message: null });
let answer: (request: { limit: number; beforeId?: number }) => Promise<unknown> = async ({ limit, beforeId }) => {
  const ids = Array.from({ length: 250 }, (_, i) => 250 - i).filter((id) => id < (beforeId ?? Infinity));
  return { ok: true, value: ids.slice(0, limit).map(entry) };
};
vi.hoisted(() =>
  Object.assign(globalThis, {
    window: {
      palDesk: {
        activity: {
          listAudit: (request: { limit: number; beforeId?: number; filter?: unknown }) => {
            calls.push(request);
            return answer(request);
          },
        },
      },
    },
  }),
);

const { useActivityStore, AUDIT_PAGE } = await import('../../../src/renderer/activity/activity-store');

describe('the Activity page’s audit log', () => {
  it('loads the newest page, then older pages with "Load older" until the log ends', async () => {
    await useActivityStore.getState().reload();
    expect(useActivityStore.getState().entries.map((e) => e.id).slice(0, 2)).toEqual([250, 249]);
    expect(useActivityStore.getState().hasMore).toBe(true);
    await useActivityStore.getState().loadOlder();
    await useActivityStore.getState().loadOlder();
    const { entries, hasMore } = useActivityStore.getState();
    expect(entries).toHaveLength(250);
    expect(entries.at(-1)?.id).toBe(1);
    expect(hasMore).toBe(false);
    expect(calls.at(-1)).toMatchObject({ limit: AUDIT_PAGE, beforeId: 51 });
  });

  it('asks main for the filter and starts again from the newest entry when the filter changes', async () => {
    await useActivityStore.getState().setForm({ tenant: 'contoso', outcome: 'linked' });
    expect(calls.at(-1)).toEqual({ limit: AUDIT_PAGE, beforeId: undefined, filter: { tenant: 'contoso', outcomes: ['linked'] } });
    expect(useActivityStore.getState().entries[0]?.id).toBe(250);
  });

  it('keeps the answer to the newest filter when an older request answers last', async () => {
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    answer = async (request) => {
      if ('filter' in request && (request as { filter: { tenant?: string } }).filter.tenant === 'fab') {
        await slow;
        return { ok: true, value: [entry(2)] };
      }
      return { ok: true, value: [entry(1)] };
    };
    const older = useActivityStore.getState().setForm({ tenant: 'fab', outcome: '' });
    await useActivityStore.getState().setForm({ tenant: 'fabrikam' });
    releaseSlow();
    await older;
    expect(useActivityStore.getState().entries.map((e) => e.id)).toEqual([1]);
  });

  it('shows what main said when the log cannot be read', async () => {
    answer = async () => ({ ok: false, error: { code: 'internal', message: 'The inventory is locked.' } });
    await useActivityStore.getState().reload();
    expect(useActivityStore.getState()).toMatchObject({ loading: false, error: { message: 'The inventory is locked.' } });
  });
});
