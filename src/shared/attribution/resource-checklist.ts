/** Assembling one resource's checklist: which of our accounts it is attributed to, its checks, and its verdict. */
import type { Check, OurAccount, ResourceChecklist } from '../checklist-types';
import { preferredAccount } from './our-accounts';
import { verdictOf } from './verdict';

/** What a role rule found: its check, and our accounts attributed to the resource (owner or creator first). */
export interface RoleResult {
  check: Check;
  attributed: readonly OurAccount[];
}

/** The role results of resources attributed to none of our accounts share this (never mutated). */
export const NOBODY: readonly OurAccount[] = Object.freeze([]);

/** What the rules conclude about a resource; resources with the same facts share one (never mutated). */
export type Outcome = Pick<ResourceChecklist, 'attributedTo' | 'checks' | 'verdict'>;

export function outcomeOf(attributed: readonly OurAccount[], checks: Check[]): Outcome {
  return { attributedTo: preferredAccount(attributed)?.identityId ?? null, checks, verdict: verdictOf(checks) };
}

/** The role check's unknown when some of our accounts have no object id yet: they may be the owner, creator or user. */
export function notComparable(found: string, missing: readonly OurAccount[]): Check {
  const names = missing.map((a) => a.label).join(', ');
  return {
    id: 'role',
    status: 'unknown',
    reason: `${found}; no object id is known yet for ${names} in this tenant, so ${missing.length === 1 ? 'it' : 'they'} could not be compared.`,
    remediation: `Sign in with ${names} in this tenant so PAL Desk learns ${missing.length === 1 ? 'its' : 'their'} object id, then sync.`,
  };
}
