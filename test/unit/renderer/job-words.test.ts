import { describe, expect, it } from 'vitest';
import { rowFromLink, rowStateText, summaryText } from '../../../src/renderer/components/job-words';
import type { JobRow } from '../../../src/renderer/state/job-store';

const row = (status: JobRow['status'], outcome: JobRow['outcome'] = null): JobRow => ({
  tenantId: `${status}-${outcome ?? ''}`,
  tenantName: 'Tenant',
  status,
  step: null,
  message: null,
  outcome,
  otherPartnerId: null,
});

describe('bulk-work panel words', () => {
  it('sums a link-all up the way a person counts it', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => row('done', 'linked')),
      row('done', 'already-linked'),
      row('needs-sign-in'),
      row('needs-sign-in'),
      row('needs-confirmation'),
      row('skipped', 'queued'),
    ];
    expect(summaryText(rows)).toBe("3 linked, 1 already linked, 1 queued offline, 2 need sign-in, 1 another partner's ID");
  });

  it('says a row queued offline and one signed in from the panel in words', () => {
    expect(rowStateText(row('skipped', 'queued'))).toBe('Queued offline');
    expect(rowStateText(row('signed-in'))).toBe('Signed in');
    expect(rowStateText(row('needs-confirmation'))).toBe("Another partner's ID");
  });

  it("turns a retried link into the row's new state, another partner's ID first", () => {
    const readBack = { objectId: 'o', partnerId: '1234567', partnerName: null, tenantId: 't', state: 'Active', etag: null, createdTime: null, updatedTime: null };
    expect(rowFromLink({ tenantId: 't', accounts: [{ identityId: 'a', account: 'ana', outcome: { kind: 'linked', partnerId: '1234567', readBack } }] })).toMatchObject({
      status: 'done',
      outcome: 'linked',
    });
    expect(
      rowFromLink({
        tenantId: 't',
        accounts: [
          { identityId: 'a', account: 'ana', outcome: { kind: 'already-linked', partnerId: '1234567', readBack } },
          { identityId: 'b', account: 'app', outcome: { kind: 'needs-confirmation', otherPartnerId: '7654321', otherPartnerName: null } },
        ],
      }),
    ).toMatchObject({ status: 'needs-confirmation', otherPartnerId: '7654321' });
  });
});
