import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../../src/shared/attribution/verdict';
import type { Check, CheckId, CheckStatus, Verdict } from '../../../../src/shared/checklist-types';

const c = (id: CheckId, status: CheckStatus): Check => ({ id, status, reason: `${id} ${status}`, remediation: null });
const pass = (id: CheckId) => c(id, 'pass');

describe('verdict of a resource from its checks', () => {
  it.each<[string, Check[], Verdict]>([
    ['everything passes', [pass('role'), pass('pal'), pass('production'), pass('solution')], 'attributed'],
    ['the role fails', [c('role', 'fail'), c('pal', 'unknown'), pass('production')], 'not-attributed'],
    ['the link fails while a condition is unknown', [pass('role'), c('pal', 'fail'), c('production', 'unknown')], 'not-attributed'],
    ['a fail outweighs an unknown among role and link', [c('role', 'unknown'), c('pal', 'fail')], 'not-attributed'],
    ['the role is unknown', [c('role', 'unknown'), c('pal', 'unknown'), pass('production')], 'unknown'],
    ['the link is unknown and a condition warns', [pass('role'), c('pal', 'unknown'), c('production', 'warn')], 'unknown'],
    ['a non-production environment', [pass('role'), pass('pal'), c('production', 'warn')], 'at-risk'],
    ['several partners', [pass('role'), pass('pal'), c('several-partners', 'warn')], 'at-risk'],
    ['a condition is unknown: ours, but it may not count', [pass('role'), pass('pal'), c('solution', 'unknown')], 'at-risk'],
    ['a condition fails: ours, but it may not count', [pass('role'), pass('pal'), c('production', 'fail')], 'at-risk'],
    ['no role or link check at all', [pass('production')], 'unknown'],
    ['no checks at all', [], 'unknown'],
  ])('%s → %s', (_what, checks, verdict) => {
    expect(verdictOf(checks)).toBe(verdict);
  });
});
