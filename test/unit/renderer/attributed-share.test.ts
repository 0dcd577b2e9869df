import { describe, expect, it } from 'vitest';
import { attributedShareText } from '../../../src/renderer/components/attributed-share';
import type { TenantSummary, VerdictCounts } from '../../../src/shared/checklist-types';

const counts = (attributed: number, total: number): VerdictCounts => ({ attributed, 'at-risk': 0, 'not-attributed': total - attributed, unknown: 0, total });
const summary = (all: VerdictCounts): TenantSummary => ({
  tenantId: 'c0ffee00-0000-4000-8000-000000000001',
  byProduct: { 'power-apps': all, 'power-automate': counts(0, 0), 'power-bi': counts(0, 0), 'customer-insights': counts(0, 0) },
  all,
  attributedShare: all.total === 0 ? 0 : all.attributed / all.total,
  coverage: { 'power-apps': 'admin', 'power-automate': 'admin', 'power-bi': 'admin', 'customer-insights': 'admin' },
});

describe('attributed share of a tenant', () => {
  it('says how many resources are attributed out of how many, with the rounded percentage', () => {
    expect(attributedShareText(summary(counts(3, 9)))).toBe('3 of 9 (33 %)');
    expect(attributedShareText(summary(counts(0, 4)))).toBe('0 of 4 (0 %)');
  });

  it('says nothing when no Power Platform resource has been read for the tenant', () => {
    expect(attributedShareText(summary(counts(0, 0)))).toBeNull();
  });
});
