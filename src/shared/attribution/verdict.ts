/** A resource's verdict from its checks: role and link decide attribution; the other checks only put it at risk. */
import type { Check, CheckId, Verdict } from '../checklist-types';

const DECIDING: ReadonlySet<CheckId> = new Set<CheckId>(['role', 'pal']);

/**
 * A fail in role or pal → not-attributed (a fail outweighs an unknown); else an unknown in them, or neither of them at all
 * → unknown; else any check not passing (a warn anywhere, an unknown or fail in a condition such as production) →
 * at-risk, since the resource is ours but may not count; else attributed.
 */
export function verdictOf(checks: readonly Check[]): Verdict {
  let deciding = 0;
  let unknown = false;
  let risk = false;
  for (const check of checks) {
    const decides = DECIDING.has(check.id);
    if (decides) deciding++;
    if (check.status === 'pass') continue;
    if (decides && check.status === 'fail') return 'not-attributed';
    if (decides && check.status === 'unknown') unknown = true;
    else risk = true;
  }
  if (unknown || deciding === 0) return 'unknown';
  return risk ? 'at-risk' : 'attributed';
}
