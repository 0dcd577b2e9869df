/** One tenant's memo while its checklists are built: resources with the same facts share one role check and one outcome (never mutated). */
import type { Check, OurAccount, TenantContext } from '../checklist-types';
import type { EnvironmentFact } from '../power-platform-types';
import { flowSolutionUnknown, productionCheck, solutionCheck } from './environment-checks';
import { isOutsider, knownDomains, lowerCase, whoToUse, withoutObjectId } from './our-accounts';
import { palCheck, severalPartnersCheck } from './pal-check';
import type { Outcome, RoleResult } from './resource-checklist';

/** A role found once, and the outcomes of the resources with it, by a variant number (0–2) the product chooses. */
export interface RoleEntry {
  role: RoleResult;
  outcomes: (Outcome | undefined)[];
  /** Outcomes of apps that outsiders also edit, by the variant and the outsiders' emails. */
  withOutsiders?: Map<string, Outcome>;
}

/** What the resources of one environment share: its name in remediations, its production check, and the roles found there. */
export interface EnvironmentMemo {
  environment: EnvironmentFact | null;
  /** The display name, or the id when the environment is not in the inventory. */
  name: string;
  /** Its production check, once asked for. */
  production?: Check;
  /** Why a flow's solution membership is not known here, once asked for. */
  flowSolutionUnknown?: Check;
  /** How to share an app here as co-owner, once asked for. */
  share?: string;
  /** App roles by variant (app type × whether the co-owners were read), then by owner and co-owners. */
  appRoles: Map<string | null, RoleEntry>[];
  /** Flow roles by creator. */
  flowRoles: Map<string | null, RoleEntry>;
}

export interface TenantMemo {
  context: TenantContext;
  /** `whoToUse(context)`, named in many remediations. */
  who: string;
  /** `knownDomains(context)`: editors from other domains are outsiders. */
  known: readonly string[];
  /** Our accounts without an object id yet: a resource not matched to the others may still be theirs. */
  missing: readonly OurAccount[];
  /** Our accounts by lower-case object id. */
  byObjectId: ReadonlyMap<string, OurAccount>;
  /** By the environment fact, or by the environment id when the fact is missing. */
  environments: Map<EnvironmentFact | string, EnvironmentMemo>;
  datasetRoles: Map<string | null, RoleEntry>;
  /** The link checks and the solution checks, by kind, then by what they depend on. */
  checks: Map<string, Map<unknown, Check>>;
}

const NONE: readonly string[] = Object.freeze([]);

export function tenantMemo(context: TenantContext): TenantMemo {
  const byObjectId = new Map<string, OurAccount>();
  for (const a of context.accounts) if (a.objectId !== null && !byObjectId.has(a.objectId.toLowerCase())) byObjectId.set(a.objectId.toLowerCase(), a);
  return {
    context,
    who: whoToUse(context),
    known: knownDomains(context),
    missing: withoutObjectId(context.accounts),
    byObjectId,
    environments: new Map(),
    datasetRoles: new Map(),
    checks: new Map(),
  };
}

/** Our account with this object id (compared case-insensitively, lower-casing only ids that need it), or undefined. */
export const ourAccount = (memo: TenantMemo, objectId: string): OurAccount | undefined =>
  memo.byObjectId.get(lowerCase(objectId));

export function environmentMemo(memo: TenantMemo, environmentId: string, environment: EnvironmentFact | null): EnvironmentMemo {
  const key = environment ?? environmentId;
  let entry = memo.environments.get(key);
  if (entry === undefined) {
    entry = { environment, name: environment?.displayName ?? environmentId, appRoles: [], flowRoles: new Map() };
    memo.environments.set(key, entry);
  }
  return entry;
}

/** The entry under `key` in `roles`, finding the role with `find(resource, memo, env)` the first time (no closure per lookup). */
export function roleEntry<K, R, E extends EnvironmentMemo | null>(
  roles: Map<K, RoleEntry>,
  key: K,
  find: (resource: R, memo: TenantMemo, env: E) => RoleResult,
  resource: R,
  memo: TenantMemo,
  env: E,
): RoleEntry {
  let entry = roles.get(key);
  if (entry === undefined) roles.set(key, (entry = { role: find(resource, memo, env), outcomes: [undefined, undefined, undefined] }));
  return entry;
}

/** 0, 1, 2 for in a solution, not in one, not said: the outcome variant of apps and flows. */
export const solutionVariant = (solutionAware: boolean | null): number => (solutionAware === true ? 0 : solutionAware === false ? 1 : 2);

/** The emails among `emails` from none of the known domains (e.g. another partner's consultant); no array when there is none. */
export function outsidersOf(memo: TenantMemo, emails: readonly string[] | null): readonly string[] {
  if (emails === null) return NONE;
  let found: string[] | null = null;
  for (const email of emails) if (isOutsider(email, memo.known)) (found ??= []).push(email);
  return found ?? NONE;
}

/** Which of our accounts: none, one (the account itself), or several (their ids). */
const accountsKey = (accounts: readonly OurAccount[]): string | OurAccount | null =>
  accounts.length === 0 ? null : accounts.length === 1 ? (accounts[0] as OurAccount) : accounts.map((a) => a.identityId).join('\n');

/** The check of `kind` under `key`, built by `build(a, b, c)` the first time (no closure per lookup). */
function memoCheck<A, B, C>(memo: TenantMemo, kind: string, key: unknown, build: (a: A, b: B, c: C) => Check, a: A, b: B, c: C): Check {
  let byKind = memo.checks.get(kind);
  if (byKind === undefined) memo.checks.set(kind, (byKind = new Map()));
  let check = byKind.get(key);
  if (check === undefined) byKind.set(key, (check = build(a, b, c)));
  return check;
}

export const memoPalCheck = (memo: TenantMemo, attributed: readonly OurAccount[]): Check =>
  memoCheck(memo, 'pal', accountsKey(attributed), palCheck, attributed, memo.context, undefined);

/** Kinds are constant strings (their hash is kept), except for the rare resource that outsiders edit. */
export const memoSeveralPartnersCheck = (memo: TenantMemo, attributed: readonly OurAccount[], outsiders: readonly string[] = NONE): Check =>
  memoCheck(memo, outsiders.length === 0 ? 'several' : `several\n${outsiders.join('\n')}`, accountsKey(attributed), severalPartnersCheck, attributed, memo.context, outsiders);

export const memoProductionCheck = (env: EnvironmentMemo): Check => (env.production ??= productionCheck(env.environment));

export const memoSolutionCheck = (memo: TenantMemo, solutionAware: boolean | null, what: 'app' | 'flow'): Check =>
  memoCheck(memo, what === 'app' ? 'app-solution' : 'flow-solution', solutionAware, solutionCheck, solutionAware, what, memo.who);

/** A flow's solution check: unknown with the environment's reason when its membership could not be read. */
export const memoFlowSolutionCheck = (memo: TenantMemo, env: EnvironmentMemo, solutionAware: boolean | null): Check =>
  solutionAware === null ? (env.flowSolutionUnknown ??= flowSolutionUnknown(env.environment)) : memoSolutionCheck(memo, solutionAware, 'flow');
