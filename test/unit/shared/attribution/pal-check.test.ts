import { describe, expect, it } from 'vitest';
import { palCheck, severalPartnersCheck } from '../../../../src/shared/attribution/pal-check';
import type { CheckStatus, OurAccount } from '../../../../src/shared/checklist-types';
import { ana, bob, contoso, olga, OURS, THEIRS, unread } from './fixtures';

describe('partner-link check of the attributed accounts', () => {
  it.each<[string, OurAccount[], CheckStatus]>([
    ['one attributed account linked to us', [ana], 'pass'],
    ['one of several attributed accounts linked to us (one linked, one not)', [bob, ana], 'pass'],
    ['the attributed account not linked', [bob], 'fail'],
    ["the attributed account linked to another partner's ID", [olga], 'fail'],
    ['an attributed account whose link was not read', [bob, unread], 'unknown'],
    ['no attributed account of ours', [], 'unknown'],
  ])('%s → %s', (_what, attributed, status) => {
    expect(palCheck(attributed, contoso()).status).toBe(status);
  });

  it('names the account and our partner ID when it passes', () => {
    expect(palCheck([ana], contoso()).reason).toBe(`ana@northwindpartners.com is linked to our partner ID ${OURS}.`);
  });

  it("fails naming the other partner's ID, and asks before replacing it", () => {
    const check = palCheck([bob, olga], contoso());
    expect(check.reason).toContain(`olga@northwindpartners.com is linked to partner ID ${THEIRS}, not ours (${OURS})`);
    expect(check.remediation).toContain(`update its link to ${OURS}`);
    expect(check.docUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('tells how to link an unlinked account to our partner ID', () => {
    const check = palCheck([bob], contoso());
    expect(check.reason).toBe('bob@northwindpartners.com is attributed but not linked to a partner ID.');
    expect(check.remediation).toContain(`az managementpartner create --partner-id ${OURS}" signed in as bob@northwindpartners.com`);
  });

  it('is unknown while our partner ID is not set, even for a linked account', () => {
    const check = palCheck([ana], contoso(undefined, { partnerId: null }));
    expect(check).toMatchObject({ status: 'unknown', remediation: expect.stringContaining('Settings') });
  });
});

describe('several partners on one resource', () => {
  it.each<[string, OurAccount[], CheckStatus]>([
    ['one account linked to us', [ana], 'pass'],
    ['one linked to us and one not linked', [ana, bob], 'pass'],
    ["one linked to us and one to another partner: the latest active partner wins", [ana, olga], 'warn'],
    ['one linked to us and one not read yet', [ana, unread], 'unknown'],
    ['nobody of ours (it does not apply yet)', [], 'unknown'],
  ])('%s → %s', (_what, attributed, status) => {
    expect(severalPartnersCheck(attributed, contoso()).status).toBe(status);
  });

  it('names both partner IDs and the account to fix when warning', () => {
    const check = severalPartnersCheck([ana, olga], contoso());
    expect(check.reason).toContain(`${OURS}, ${THEIRS}`);
    expect(check.reason).toContain('latest active one gets the credit');
    expect(check.remediation).toBe(`Remove olga@northwindpartners.com from the resource, or link it to ${OURS}.`);
  });
});
