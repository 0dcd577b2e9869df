import { describe, expect, it } from 'vitest';
import { accountLinkStatus, linkedShare, tenantPalSummary } from '../../../src/shared/pal-status';
import type { AccountLinkView } from '../../../src/shared/view-types';

const account = (status: AccountLinkView['status'], partnerId: string | null = null, seenAt: string | null = '2026-11-24T10:00:00.000Z') => ({
  pal: { status, partnerId, partnerName: null, seenAt },
});

describe('partner-link status of one account', () => {
  it('is unknown until read, not linked when nothing or a deleted link is there, and tells our ID from another partner\'s', () => {
    expect(accountLinkStatus(null, '1234567')).toBe('unknown');
    expect(accountLinkStatus({ partnerId: null, seenAt: 't', deleted: false }, '1234567')).toBe('not-linked');
    expect(accountLinkStatus({ partnerId: '1234567', seenAt: 't', deleted: true }, '1234567')).toBe('not-linked');
    expect(accountLinkStatus({ partnerId: '1234567', seenAt: 't', deleted: false }, '1234567')).toBe('linked');
    expect(accountLinkStatus({ partnerId: '7654321', seenAt: 't', deleted: false }, '1234567')).toBe('other-partner');
  });
});

describe("a tenant's partner-link status", () => {
  it('is the worst of its accounts: another partner, then not linked, then unknown, then linked', () => {
    expect(tenantPalSummary([account('linked', '1234567'), account('other-partner', '7654321')])).toMatchObject({ status: 'other-partner', partnerId: '7654321' });
    expect(tenantPalSummary([account('unknown', null, null), account('not-linked')])).toMatchObject({ status: 'not-linked', partnerId: null });
    expect(tenantPalSummary([account('linked', '1234567'), account('unknown', null, null)])).toMatchObject({ status: 'unknown' });
    expect(tenantPalSummary([account('linked', '1234567'), account('linked', '1234567')])).toMatchObject({ status: 'linked', partnerId: '1234567' });
  });

  it('counts linked accounts and says "1 of 2 accounts linked"', () => {
    const pal = tenantPalSummary([account('linked', '1234567'), account('not-linked')]);
    expect(pal).toMatchObject({ linkedAccounts: 1, totalAccounts: 2 });
    expect(linkedShare(pal)).toBe('1 of 2 accounts linked');
    expect(linkedShare(tenantPalSummary([account('linked', '1234567')]))).toBe('1 of 1 account linked');
  });

  it('is unknown with no account, and dates the oldest read (never read wins)', () => {
    expect(tenantPalSummary([])).toMatchObject({ status: 'unknown', totalAccounts: 0, seenAt: null });
    expect(linkedShare(tenantPalSummary([]))).toBe('no account');
    expect(tenantPalSummary([account('linked', '1', '2026-11-24T10:00:00.000Z'), account('linked', '1', '2026-11-24T09:00:00.000Z')]).seenAt).toBe('2026-11-24T09:00:00.000Z');
    expect(tenantPalSummary([account('linked', '1'), account('unknown', null, null)]).seenAt).toBeNull();
  });
});
