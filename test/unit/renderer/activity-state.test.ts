import { describe, expect, it } from 'vitest';
import { filterOf, isFiltered, NO_FILTER } from '../../../src/renderer/activity/audit-filter-form';
import { pendingRows, pendingState } from '../../../src/renderer/activity/pending-state';
import type { PendingActionView, TenantView } from '../../../src/shared/view-types';

const NOW = Date.parse('2026-11-25T10:00:00.000Z');
const action = (patch: Partial<PendingActionView>): PendingActionView => ({
  id: 'a1',
  tenantId: '11111111-1111-4111-8111-111111111111',
  identityId: null,
  kind: 'link',
  partnerId: '1234567',
  status: 'queued',
  attempts: 0,
  lastError: null,
  createdAt: '2026-11-25T09:50:00.000Z',
  updatedAt: '2026-11-25T09:50:00.000Z',
  notBefore: null,
  ...patch,
});
const contoso = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  displayName: 'Contoso Ltd',
  label: null,
  accounts: [{ identityId: 'home-1', username: 'ana@northwindpartners.com', displayName: 'Ana', isDefault: true }],
} as unknown as TenantView;

describe('activity filters', () => {
  it('asks main for nothing extra when no filter is set', () => {
    expect(filterOf(NO_FILTER)).toEqual({});
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, toDay: '2026-11-03' })).toBe(true);
  });

  it('asks main for the tenant, the one action and outcome picked, and the picked days', () => {
    expect(filterOf({ tenant: 'contoso', action: 'replace', outcome: 'replaced', fromDay: '2026-11-01', toDay: '' })).toEqual({
      tenant: 'contoso',
      actions: ['replace'],
      outcomes: ['replaced'],
      from: new Date(2026, 10, 1).toISOString(),
    });
  });
});

describe('queued actions', () => {
  it('says an action waits until the time Azure asked for, and is queued once that time has passed', () => {
    expect(pendingState(action({ notBefore: '2026-11-25T10:05:00.000Z' }), NOW)).toMatch(/^Waiting until \d{1,2}.\d{2}/);
    expect(pendingState(action({ notBefore: '2026-11-25T09:55:00.000Z' }), NOW)).toBe('Queued');
    expect(pendingState(action({ notBefore: '2026-11-28T10:00:00.000Z' }), NOW)).toContain(new Date('2026-11-28T10:00:00.000Z').toLocaleDateString());
  });

  it('names running, failed and needs-confirmation actions, and only the last is to review', () => {
    const rows = pendingRows(
      [action({ id: 'r', status: 'running' }), action({ id: 'f', status: 'failed', lastError: 'Azure refused the write.' }), action({ id: 'c', status: 'needs-confirmation' })],
      [contoso],
      NOW,
    );
    expect(rows.map((r) => [r.id, r.state, r.detail, r.needsReview])).toEqual([
      ['r', 'Running', null, false],
      ['f', 'Failed', 'Azure refused the write.', false],
      ['c', 'Needs confirmation', null, true],
    ]);
  });

  it('leaves done actions out, lists the oldest first, and names the tenant, the account, the attempts and the age', () => {
    const rows = pendingRows(
      [action({ id: 'new', createdAt: '2026-11-25T09:58:00.000Z', attempts: 2 }), action({ id: 'done', status: 'done' }), action({ id: 'old', identityId: 'home-1' })],
      [contoso],
      NOW,
    );
    expect(rows.map((r) => r.id)).toEqual(['old', 'new']);
    expect(rows[0]).toMatchObject({ tenant: 'Contoso Ltd', account: 'ana@northwindpartners.com', what: 'Link partner ID 1234567', age: '10 min ago' });
    expect(rows[1]).toMatchObject({ attempts: 2, age: '2 min ago' });
  });

  it('still shows an action whose tenant was removed, by its tenant ID', () => {
    expect(pendingRows([action({ tenantId: '99999999-9999-4999-8999-999999999999' })], [contoso], NOW)[0]?.tenant).toBe('99999999-9999-4999-8999-999999999999');
  });
});
