import { describe, expect, it } from 'vitest';
import { datasetChecklist } from '../../../../src/shared/attribution/power-bi-rules';
import type { CheckStatus, OurAccount, Verdict } from '../../../../src/shared/checklist-types';
import { ana, bob, checkOf, contoso, dataset, noObjectId, olga, OURS, sam, THEIRS } from './fixtures';

const member: OurAccount = { ...ana, identityId: 'svc', label: 'pal-svc@contoso.onmicrosoft.com', upn: 'pal-svc@contoso.onmicrosoft.com' };
const noUpn: OurAccount = { ...bob, identityId: 'nupn', label: 'bob (UPN not known)', upn: null };

describe('Power BI: the publisher (configuredBy)', () => {
  it.each<[string, string | null, OurAccount[], CheckStatus, Verdict, string | null]>([
    ['our guest in the #EXT# form', 'ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com', [ana], 'pass', 'attributed', 'ana'],
    ['our guest in other casing', 'ANA_NorthwindPartners.com#EXT#@Contoso.onmicrosoft.com', [ana], 'pass', 'attributed', 'ana'],
    ['our guest by its home UPN', 'Ana@NorthwindPartners.com', [ana], 'pass', 'attributed', 'ana'],
    ['our member account of the customer tenant', 'Pal-Svc@Contoso.OnMicrosoft.Com', [member], 'pass', 'attributed', 'svc'],
    ['our guest, not linked', 'bob_northwindpartners.com#EXT#@contoso.onmicrosoft.com', [ana, bob], 'pass', 'not-attributed', 'bob'],
    ["our guest linked to another partner", 'olga_northwindpartners.com#EXT#@contoso.onmicrosoft.com', [olga], 'pass', 'not-attributed', 'olga'],
    ['our guest form from another tenant', 'ana_northwindpartners.com#EXT#@fabrikam.onmicrosoft.com', [ana], 'fail', 'not-attributed', null],
    ['a customer employee', 'john@contoso.com', [ana, sam], 'fail', 'not-attributed', null],
    ['a publisher that is not a UPN while we have a service principal', '5f1c0000-0000-0000-0000-000000000001', [ana, sam], 'unknown', 'unknown', null],
    ['someone else while one of our users has no UPN known', 'john@contoso.com', [ana, noUpn], 'unknown', 'unknown', null],
    ['no publisher given', null, [ana], 'unknown', 'unknown', null],
    ['an empty publisher', ' ', [ana], 'unknown', 'unknown', null],
  ])('%s → role %s, %s', (_what, configuredBy, accounts, role, verdict, attributedTo) => {
    const list = datasetChecklist(dataset({ configuredBy }), contoso(accounts));
    expect(checkOf(list, 'role').status).toBe(role);
    expect(list.verdict).toBe(verdict);
    expect(list.attributedTo).toBe(attributedTo);
  });

  it('does not need object ids: an account without one still matches by UPN', () => {
    expect(datasetChecklist(dataset({ configuredBy: 'nils@northwindpartners.com' }), contoso([noObjectId])).verdict).toBe('attributed');
  });

  it("tells to publish as our account, giving its guest UPN in this tenant", () => {
    const role = checkOf(datasetChecklist(dataset({ configuredBy: 'john@contoso.com' }), contoso([ana])), 'role');
    expect(role.reason).toBe('Published by john@contoso.com, not one of our accounts.');
    expect(role.remediation).toBe(
      `Publish the dataset (its .pbix) from Power BI Desktop signed in as ana@northwindpartners.com (linked to ${OURS}), whose UPN in this tenant is ana_northwindpartners.com#EXT#@contoso.onmicrosoft.com if it is a guest.`,
    );
  });

  it("names the other partner's ID when the publisher is our account linked to it", () => {
    const list = datasetChecklist(dataset({ configuredBy: 'olga@northwindpartners.com' }), contoso([olga]));
    expect(checkOf(list, 'pal').reason).toContain(THEIRS);
  });

  it('checks only the publisher and its link, in a workspace rather than an environment', () => {
    const list = datasetChecklist(dataset(), contoso([ana]));
    expect(list.checks.map((c) => c.id)).toEqual(['role', 'pal']);
    expect(list).toMatchObject({ product: 'power-bi', environmentId: null, workspaceId: 'ws-1', resourceId: 'ds-1', name: 'Sales model' });
  });
});
