import { describe, expect, it } from 'vitest';
import { appChecklist, SYSTEM_OBJECT_ID } from '../../../../src/shared/attribution/power-apps-rules';
import type { CheckStatus, OurAccount, Verdict } from '../../../../src/shared/checklist-types';
import type { AppFact } from '../../../../src/shared/power-platform-types';
import { ana, app, bob, checkOf, contoso, env, noObjectId, olga, OURS, sam, THEIRS } from './fixtures';

const stranger = 'f00d0000-0000-0000-0000-000000000001';

describe('Power Apps: owner or co-owner', () => {
  it.each<[string, Partial<AppFact>, OurAccount[], CheckStatus, Verdict, string | null]>([
    ['a canvas app we own', {}, [ana], 'pass', 'attributed', 'ana'],
    ['a canvas app where we are co-owner (CanEdit)', { ownerObjectId: stranger, coOwnerObjectIds: [ana.objectId as string] }, [ana], 'pass', 'attributed', 'ana'],
    ['a co-owner id in other casing', { ownerObjectId: stranger, coOwnerObjectIds: ['ANA-OID'] }, [ana], 'pass', 'attributed', 'ana'],
    ['owned by our service principal (object id, no UPN)', { ownerObjectId: sam.objectId }, [sam], 'pass', 'attributed', 'sam'],
    ['owned by our unlinked account, co-owned by our linked one', { ownerObjectId: bob.objectId, coOwnerObjectIds: [ana.objectId as string] }, [bob, ana], 'pass', 'attributed', 'ana'],
    ['owned by our unlinked account only', { ownerObjectId: bob.objectId }, [bob, ana], 'pass', 'not-attributed', 'bob'],
    ['owned and co-owned by someone else', { ownerObjectId: stranger, coOwnerObjectIds: [stranger] }, [ana], 'fail', 'not-attributed', null],
    ['the owner not given and no co-owner of ours', { ownerObjectId: null, coOwnerObjectIds: [] }, [ana], 'unknown', 'unknown', null],
    ['the owner not given but a co-owner of ours', { ownerObjectId: null, coOwnerObjectIds: [ana.objectId as string] }, [ana], 'pass', 'attributed', 'ana'],
    ['owned by us while the permissions could not be read', { coOwnerObjectIds: null }, [ana], 'pass', 'attributed', 'ana'],
    ['owned by someone else and the permissions could not be read', { ownerObjectId: stranger, coOwnerObjectIds: null }, [ana], 'unknown', 'unknown', null],
    ['owned by someone else while one of our accounts has no object id yet', { ownerObjectId: stranger }, [ana, noObjectId], 'unknown', 'unknown', null],
  ])('%s → role %s, %s', (_what, over, accounts, role, verdict, attributedTo) => {
    const list = appChecklist(app(over), env(), contoso(accounts));
    expect(checkOf(list, 'role').status).toBe(role);
    expect(list.verdict).toBe(verdict);
    expect(list.attributedTo).toBe(attributedTo);
  });

  it('tells how to share a canvas app with our linked account as co-owner', () => {
    const role = checkOf(appChecklist(app({ ownerObjectId: stranger, coOwnerObjectIds: [stranger, stranger] }), env(), contoso([bob, ana])), 'role');
    expect(role.reason).toBe(`Owner is ${stranger}, not one of our accounts, with 2 co-owners, none of them ours.`);
    expect(role.remediation).toBe(`Share the app in Contoso Production with ana@northwindpartners.com (linked to ${OURS}) as co-owner (Share → Co-owner); the owner or an environment admin can do it.`);
    expect(role.docUrl).toBe('https://learn.microsoft.com/en-us/power-apps/maker/canvas-apps/share-app');
  });

  it('leaves an app co-owned by a security group unknown, naming the group, and says how to be sure', () => {
    const groups = [{ objectId: 'a0a0a0a0-0000-0000-0000-000000000001', displayName: 'Contoso Makers' }];
    const list = appChecklist(app({ ownerObjectId: stranger, coOwnerObjectIds: [], coOwnerGroups: groups }), env(), contoso([ana]));
    const role = checkOf(list, 'role');
    expect(role.status).toBe('unknown');
    expect(list.verdict).toBe('unknown');
    expect(role.reason).toBe(`Owner is ${stranger}, not one of our accounts, with no co-owner; shared as co-owner with the security group 'Contoso Makers': whether Microsoft credits a member of a co-owner group is not documented.`);
    expect(role.remediation).toBe(`To be sure it counts, share the app in Contoso Production with ana@northwindpartners.com (linked to ${OURS}) directly as co-owner (Share → Co-owner); the owner or an environment admin can do it.`);
    // A co-owner of ours beside the group attributes it as before.
    expect(appChecklist(app({ ownerObjectId: stranger, coOwnerObjectIds: [ana.objectId as string], coOwnerGroups: groups }), env(), contoso([ana])).verdict).toBe('attributed');
  });

  it('asks for a sign-in when an account of ours could not be compared', () => {
    const role = checkOf(appChecklist(app({ ownerObjectId: stranger }), env(), contoso([ana, noObjectId])), 'role');
    expect(role.reason).toContain('no object id is known yet for nils@northwindpartners.com');
    expect(role.remediation).toContain('Sign in with nils@northwindpartners.com');
  });

  it('covers both kinds in the remediation when the app type is not given', () => {
    const role = checkOf(appChecklist(app({ appType: null, ownerObjectId: stranger }), env(), contoso([ana])), 'role');
    expect(role.status).toBe('fail');
    expect(role.remediation).toContain('If it is a canvas app');
    expect(role.remediation).toContain('model-driven');
  });

  it('matches a guest by its object id in this tenant, which differs from its id in another tenant', () => {
    const inFabrikam = contoso([{ ...ana, objectId: 'ana-oid-fabrikam' }], { tenantId: 'fabrikam', domains: ['fabrikam.onmicrosoft.com'] });
    expect(appChecklist(app({ tenantId: 'fabrikam', ownerObjectId: 'ana-oid' }), env(), inFabrikam).verdict).toBe('not-attributed');
    expect(appChecklist(app({ tenantId: 'fabrikam', ownerObjectId: 'ana-oid-fabrikam' }), env(), inFabrikam).verdict).toBe('attributed');
  });
});

describe('Power Apps: model-driven apps', () => {
  it('fails an app owned by SYSTEM, saying model-driven apps cannot get co-owners and to import the solution as our account', () => {
    const list = appChecklist(app({ appType: 'model-driven', ownerObjectId: SYSTEM_OBJECT_ID, coOwnerObjectIds: [ana.objectId as string] }), env(), contoso([ana]));
    const role = checkOf(list, 'role');
    expect(role.status).toBe('fail');
    expect(role.reason).toBe('Owner is SYSTEM (a model-driven app imported by a solution); model-driven apps cannot get co-owners, so sharing it does not attribute it.');
    expect(role.remediation).toBe(`Import the solution holding this app into Contoso Production signed in as ana@northwindpartners.com (linked to ${OURS}), so that account is the owner.`);
    expect(list.verdict).toBe('not-attributed');
  });

  it('fails SYSTEM even when one of our accounts has no object id yet: SYSTEM is never ours', () => {
    expect(checkOf(appChecklist(app({ appType: 'model-driven', ownerObjectId: SYSTEM_OBJECT_ID.toUpperCase() }), env(), contoso([noObjectId])), 'role').status).toBe('fail');
  });

  it.each<[string, string | null, CheckStatus]>([
    ['imported by our account (the owner)', 'ana-oid', 'pass'],
    ['imported by someone else', stranger, 'fail'],
    ['the owner not given', null, 'unknown'],
  ])('%s → %s', (_what, ownerObjectId, status) => {
    expect(checkOf(appChecklist(app({ appType: 'model-driven', ownerObjectId, coOwnerObjectIds: null }), env(), contoso([ana])), 'role').status).toBe(status);
  });
});

describe('Power Apps: the other checks', () => {
  it('is attributed with every check passing for our linked owner in production, through a solution', () => {
    const list = appChecklist(app(), env(), contoso([ana]));
    expect(list.checks.map((c) => [c.id, c.status])).toEqual([
      ['role', 'pass'],
      ['pal', 'pass'],
      ['several-partners', 'pass'],
      ['production', 'pass'],
      ['solution', 'pass'],
    ]);
    expect(list).toMatchObject({ product: 'power-apps', tenantId: 'contoso', environmentId: 'env-prod', workspaceId: null, resourceId: 'app-1', name: 'Field inspections', seenAt: '2026-11-24T10:00:00.000Z' });
  });

  it.each<[string, Partial<AppFact>, Parameters<typeof env>[0] | 'missing', Verdict]>([
    ['in a Sandbox environment', {}, 'Sandbox', 'at-risk'],
    ['not delivered through a solution', { solutionAware: false }, 'Production', 'at-risk'],
    ['solution status not given', { solutionAware: null }, 'Production', 'at-risk'],
    ['environment type not given', {}, null, 'at-risk'],
    ['environment not in the inventory', {}, 'missing', 'at-risk'],
  ])('ours but %s → %s', (_what, over, sku, verdict) => {
    expect(appChecklist(app(over), sku === 'missing' ? null : env(sku), contoso([ana])).verdict).toBe(verdict);
  });

  it("fails naming the other partner's ID when our only attributed account is linked to it", () => {
    const list = appChecklist(app({ ownerObjectId: olga.objectId }), env(), contoso([ana, olga]));
    expect(checkOf(list, 'pal')).toMatchObject({ status: 'fail', reason: expect.stringContaining(THEIRS) });
    expect(list.verdict).toBe('not-attributed');
  });

  it("warns, naming them, when editors from neither the customer nor us share our app: another partner's consultant may be linked", () => {
    const list = appChecklist(app({ editorEmails: ['ana@northwindpartners.com', 'lee@fourthcoffeepartners.com'] }), env(), contoso([ana]));
    expect(checkOf(list, 'several-partners')).toMatchObject({ status: 'warn', reason: expect.stringContaining('lee@fourthcoffeepartners.com also edits it'), remediation: expect.stringContaining('lee@fourthcoffeepartners.com') });
    expect(list.verdict).toBe('at-risk');
  });

  it("counts the customer's people, our colleagues and guests in #EXT# form as insiders", () => {
    const editors = ['megan@contoso.onmicrosoft.com', 'ben@NorthwindPartners.com', 'lee_fourthcoffee.com#EXT#@contoso.onmicrosoft.com'];
    expect(checkOf(appChecklist(app({ editorEmails: editors }), env(), contoso([ana])), 'several-partners').status).toBe('pass');
  });

  it('warns when co-owners include an account of ours linked to another partner', () => {
    const list = appChecklist(app({ coOwnerObjectIds: [olga.objectId as string] }), env(), contoso([ana, olga]));
    expect(checkOf(list, 'several-partners').status).toBe('warn');
    expect(list.verdict).toBe('at-risk');
    expect(list.attributedTo).toBe('ana');
  });
});
