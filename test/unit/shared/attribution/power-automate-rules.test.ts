import { describe, expect, it } from 'vitest';
import { flowChecklist } from '../../../../src/shared/attribution/power-automate-rules';
import type { CheckStatus, OurAccount, Verdict } from '../../../../src/shared/checklist-types';
import type { FlowFact } from '../../../../src/shared/power-platform-types';
import { ana, bob, checkOf, contoso, env, flow, noObjectId, olga, OURS, sam, THEIRS } from './fixtures';

const leaver = 'dead0000-0000-0000-0000-00000000beef';

describe('Power Automate: the creator', () => {
  it.each<[string, Partial<FlowFact>, OurAccount[], CheckStatus, Verdict]>([
    ['created by our linked account', {}, [ana], 'pass', 'attributed'],
    ['created by our service principal (object id, no UPN)', { creatorObjectId: sam.objectId }, [ana, sam], 'pass', 'attributed'],
    ['created by our account, not linked', { creatorObjectId: bob.objectId }, [ana, bob], 'pass', 'not-attributed'],
    ["created by our account linked to another partner", { creatorObjectId: olga.objectId }, [ana, olga], 'pass', 'not-attributed'],
    ['created by someone who left', { creatorObjectId: leaver }, [ana], 'fail', 'not-attributed'],
    ['the creator not given', { creatorObjectId: null }, [ana], 'unknown', 'unknown'],
    ['created by someone else while one of ours has no object id yet', { creatorObjectId: leaver }, [ana, noObjectId], 'unknown', 'unknown'],
  ])('%s → role %s, %s', (_what, over, accounts, role, verdict) => {
    const list = flowChecklist(flow(over), env(), contoso(accounts));
    expect(checkOf(list, 'role').status).toBe(role);
    expect(list.verdict).toBe(verdict);
  });

  it('says the creator counts, and to recreate or import the flow as our account', () => {
    const role = checkOf(flowChecklist(flow({ creatorObjectId: leaver }), env(), contoso([ana])), 'role');
    expect(role.reason).toBe(`Created by ${leaver}, not one of our accounts (perhaps someone who has left). A flow counts for its creator, and the creator never changes.`);
    expect(role.remediation).toBe(`Recreate the flow in Contoso Production signed in as ana@northwindpartners.com (linked to ${OURS}), or import it through a solution signed in as that account, then turn the old one off.`);
  });

  it('leaves a flow one of ours owns but did not create unknown, naming the owner and why, with how to be sure; owners none of ours leave it failed', () => {
    const list = flowChecklist(flow({ creatorObjectId: leaver, ownerObjectIds: [leaver, 'ANA-OID'] }), env(), contoso([ana]));
    const role = checkOf(list, 'role');
    expect(role.status).toBe('unknown');
    expect(list.verdict).toBe('unknown');
    expect(role.reason).toContain(`Created by ${leaver}, not one of our accounts (perhaps someone who has left); ana@northwindpartners.com owns it today.`);
    expect(role.reason).toContain('Set-AdminFlowOwnerRole');
    expect(role.reason).toContain('not documented');
    expect(role.remediation).toBe(`To be sure it counts, recreate the flow in Contoso Production signed in as ana@northwindpartners.com (linked to ${OURS}), or import it through a solution signed in as that account, then turn the old one off.`);
    expect(checkOf(flowChecklist(flow({ creatorObjectId: leaver, ownerObjectIds: [leaver, 'f00d0000-0000-0000-0000-000000000001'] }), env(), contoso([ana])), 'role').status).toBe('fail');
  });

  it("fails the link naming the other partner's ID when the creator is our account linked to it", () => {
    expect(checkOf(flowChecklist(flow({ creatorObjectId: olga.objectId }), env(), contoso([olga])), 'pal').reason).toContain(THEIRS);
  });

  it('has no several-partners check: a flow has one creator', () => {
    expect(flowChecklist(flow(), env(), contoso([ana])).checks.map((c) => c.id)).toEqual(['role', 'pal', 'production', 'solution']);
  });

  it.each<[string, Partial<FlowFact>, Parameters<typeof env>[0], Verdict]>([
    ['in a Developer environment', {}, 'Developer', 'at-risk'],
    ['outside a solution', { solutionAware: false }, 'Production', 'at-risk'],
    ['with the solution status not given', { solutionAware: null }, 'Production', 'at-risk'],
  ])('is at risk when ours but %s', (_what, over, sku, verdict) => {
    expect(flowChecklist(flow(over), env(sku), contoso([ana])).verdict).toBe(verdict);
  });
});

describe('Power Automate: in a solution or not', () => {
  it.each<[string, Partial<Parameters<typeof env>[1]>, string]>([
    ['its Dataverse could not be read', {}, "PAL Desk could not read the solutions in Contoso Production's Dataverse"],
    ['its environment has no Dataverse', { dataverseUrl: null }, 'Contoso Production has no Dataverse'],
  ])('says unknown, and why, when %s', (_what, over, reason) => {
    const check = checkOf(flowChecklist(flow({ solutionAware: null }), env('Production', over), contoso([ana])), 'solution');
    expect(check).toMatchObject({ status: 'unknown', reason: expect.stringContaining(reason) });
    expect(check.remediation).toContain('Solutions');
  });
});
