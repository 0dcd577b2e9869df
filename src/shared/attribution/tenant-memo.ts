/** One tenant's memo while its checklists are built: resources sharing an owner, an environment or a link state share one (never mutated) check. */
import type { OurAccount, TenantContext } from '../checklist-types';
import type { EnvironmentFact } from '../power-platform-types';
import { productionCheck, solutionCheck } from './environment-checks';
import { knownDomains, whoToUse } from './our-accounts';
import { palCheck, severalPartnersCheck } from './pal-check';

/** Nested maps keyed by each part in turn (primitives by value, objects by identity): no key strings to build and hash. */
type Cache = Map<unknown, unknown>;

export interface TenantMemo {
  context: TenantContext;
  /** `whoToUse(context)`, named in many remediations. */
  who: string;
  /** `knownDomains(context)`: editors from other domains are outsiders. */
  known: ReadonlySet<string>;
  cache: Cache;
}

export function tenantMemo(context: TenantContext): TenantMemo {
  return { context, who: whoToUse(context), known: knownDomains(context), cache: new Map() };
}

/** The value cached under `parts` (a kind first, then what the value depends on, the most varied last), built once. */
export function memoized<T>(memo: TenantMemo, parts: readonly unknown[], build: () => T): T {
  let cache = memo.cache;
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) {
    let next = cache.get(parts[i]) as Cache | undefined;
    if (next === undefined) cache.set(parts[i], (next = new Map()));
    cache = next;
  }
  if (cache.has(parts[last])) return cache.get(parts[last]) as T;
  const value = build();
  cache.set(parts[last], value);
  return value;
}

/** Which of our accounts: none, one (the account itself), or several (their ids). */
const accountsKey = (accounts: readonly OurAccount[]): unknown =>
  accounts.length === 0 ? null : accounts.length === 1 ? accounts[0] : accounts.map((a) => a.identityId).join('\n');

export const memoPalCheck = (memo: TenantMemo, attributed: readonly OurAccount[]) =>
  memoized(memo, ['pal', accountsKey(attributed)], () => palCheck(attributed, memo.context));

export const memoSeveralPartnersCheck = (memo: TenantMemo, attributed: readonly OurAccount[], outsiders: readonly string[] = []) =>
  memoized(memo, ['several', outsiders.join('\n'), accountsKey(attributed)], () => severalPartnersCheck(attributed, memo.context, outsiders));

export const memoProductionCheck = (memo: TenantMemo, environment: EnvironmentFact | null) =>
  memoized(memo, ['production', environment], () => productionCheck(environment));

export const memoSolutionCheck = (memo: TenantMemo, solutionAware: boolean | null, what: 'app' | 'flow') =>
  memoized(memo, ['solution', what, solutionAware], () => solutionCheck(solutionAware, what, memo.who));
