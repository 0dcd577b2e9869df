import { describe, expect, it } from 'vitest';
import { customerInsightsChecklist } from '../../../../src/shared/attribution/customer-insights-rules';
import type { CheckStatus, OurAccount, Verdict } from '../../../../src/shared/checklist-types';
import type { DataverseUserFact, InventoryScope } from '../../../../src/shared/power-platform-types';
import { ana, bob, checkOf, contoso, dvUser, env, noObjectId, olga, sam, SEEN } from './fixtures';

const ciEnv = env('Production', { environmentId: 'env-ci', displayName: 'Contoso CI', customerInsights: true });
const employee = 'c0ffee00-0000-0000-0000-000000000001';

describe('Customer Insights: any active Dataverse user of ours', () => {
  it.each<[string, DataverseUserFact[], OurAccount[], CheckStatus, Verdict, string | null]>([
    ['our linked account is an active user', [dvUser(employee), dvUser('ana-oid')], [ana], 'pass', 'attributed', 'ana'],
    ['the object id in other casing', [dvUser('ANA-OID')], [ana], 'pass', 'attributed', 'ana'],
    ['our service principal is an application user (Microsoft does not say whether it counts)', [dvUser('sam-oid', false, 'env-ci', 'application')], [ana, sam], 'unknown', 'unknown', null],
    ['our account is a non-interactive user', [dvUser('ana-oid', false, 'env-ci', 'non-interactive')], [ana], 'unknown', 'unknown', null],
    ['our account is a deleted user', [dvUser('ana-oid', false, 'env-ci', 'deleted'), dvUser(employee)], [ana], 'fail', 'not-attributed', null],
    ['our account has a soft-deleted row and a disabled one', [dvUser('ana-oid', false, 'env-ci', 'deleted'), dvUser('ana-oid', true)], [ana], 'fail', 'not-attributed', null],
    ['our unlinked and our linked accounts are both active', [dvUser('bob-oid'), dvUser('ana-oid')], [ana, bob], 'pass', 'attributed', 'ana'],
    ['only our unlinked account is active', [dvUser('bob-oid')], [ana, bob], 'pass', 'not-attributed', 'bob'],
    ['our account is a disabled user', [dvUser('ana-oid', true), dvUser(employee)], [ana], 'fail', 'not-attributed', null],
    ['none of our accounts is a user', [dvUser(employee)], [ana], 'fail', 'not-attributed', null],
    ['the users were not read', [], [ana], 'unknown', 'unknown', null],
    ['none of ours among users while one of ours has no object id yet', [dvUser(employee)], [ana, noObjectId], 'unknown', 'unknown', null],
  ])('%s → role %s, %s', (_what, users, accounts, role, verdict, attributedTo) => {
    const list = customerInsightsChecklist(ciEnv, users, null, contoso(accounts));
    expect(checkOf(list, 'role').status).toBe(role);
    expect(list.verdict).toBe(verdict);
    expect(list.attributedTo).toBe(attributedTo);
  });

  it('asks to enable a disabled user of ours, naming it and the environment', () => {
    const role = checkOf(customerInsightsChecklist(ciEnv, [dvUser('ana-oid', true)], null, contoso([ana])), 'role');
    expect(role.reason).toBe('ana@northwindpartners.com is a disabled user of Contoso CI, and no account of ours is active there; only active users count.');
    expect(role.remediation).toContain('enable ana@northwindpartners.com in Contoso CI');
  });

  it('says which kind of user ours is where Microsoft does not say whether that kind counts, and how to be sure', () => {
    const role = checkOf(customerInsightsChecklist(ciEnv, [dvUser('ana-oid', false, 'env-ci', 'non-interactive'), dvUser('sam-oid', false, 'env-ci', 'application')], null, contoso([ana, sam])), 'role');
    expect(role.reason).toBe(
      'ana@northwindpartners.com is a non-interactive user, PAL Desk automation (service principal) is an application user of Contoso CI, and no account of ours is an interactive user there: Microsoft does not say whether that kind of user counts for Customer Insights.',
    );
    expect(role.remediation).toBe("To be sure, ask the customer's admin to add ana@northwindpartners.com, PAL Desk automation (service principal) as an interactive (read-write) user of Contoso CI with a security role.");
  });

  it('says unknown, with the reason, for an environment where it could not be read whether Customer Insights is installed', () => {
    const unread = { ...ciEnv, customerInsights: null, customerInsightsReason: 'Whether Contoso CI has Customer Insights could not be read: …' };
    const list = customerInsightsChecklist(unread, [], null, contoso([ana]));
    expect(checkOf(list, 'role')).toMatchObject({ status: 'unknown', reason: 'Whether Contoso CI has Customer Insights could not be read: …' });
    expect(list.verdict).toBe('unknown');
  });

  it('gives the reason the users could not be read when Dataverse was denied', () => {
    const denied: InventoryScope = { tenantId: 'contoso', product: 'customer-insights', scope: 'denied', identityId: 'ana', reason: 'ana@… has no security role in Contoso CI', seenAt: SEEN };
    expect(checkOf(customerInsightsChecklist(ciEnv, [], denied, contoso([ana])), 'role').reason).toBe('The Dataverse users of Contoso CI have not been read (ana@… has no security role in Contoso CI).');
  });

  it('warns when an active user of ours is linked to another partner', () => {
    const list = customerInsightsChecklist(ciEnv, [dvUser('ana-oid'), dvUser('olga-oid')], null, contoso([ana, olga]));
    expect(checkOf(list, 'several-partners').status).toBe('warn');
    expect(list.verdict).toBe('at-risk');
  });

  it('warns for a non-production Customer Insights environment, and dates the checklist by its oldest fact', () => {
    const users = [dvUser('ana-oid'), { ...dvUser(employee), seenAt: '2026-11-20T00:00:00.000Z' }];
    const list = customerInsightsChecklist({ ...ciEnv, sku: 'Sandbox' }, users, null, contoso([ana]));
    expect(list.verdict).toBe('at-risk');
    expect(list).toMatchObject({ product: 'customer-insights', resourceId: 'env-ci', environmentId: 'env-ci', name: 'Contoso CI', seenAt: '2026-11-20T00:00:00.000Z' });
  });
});
