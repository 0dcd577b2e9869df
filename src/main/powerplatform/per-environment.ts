/** Reads a resource listed per environment (apps, flows) over the environments this sync read: as an admin where the admin list proved it, else with the maker view of our accounts that see the environment; no environments to read means the environments' scope. */
import type { EnvironmentFact, InventoryScope } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import type { TenantIdentity } from '../domain/identity';
import type { EnvironmentsRead } from './environment-reader';
import { scopeOfEnvironments, type EnvironmentRead } from './environment-scope';
import { isDenied, needsPerson, type ScopedRead, type ScopedReadPlan } from './scoped-read';

export interface PerEnvironmentPlan<T> extends Omit<ScopedReadPlan<T>, 'admin' | 'maker'> {
  list(account: TenantIdentity, environment: EnvironmentFact, scope: 'admin' | 'maker'): Promise<T[]>;
}

/** The environments read in this sync with their scope, or what a per-environment read inherits when they could not be read. */
export function readableEnvironments<T>(environments: EnvironmentsRead): { items: EnvironmentFact[]; scope: Pick<InventoryScope, 'scope' | 'identityId' | 'reason'> } | { inherited: ScopedRead<T> } {
  if ('needsPerson' in environments) return { inherited: { needsPerson: environments.needsPerson } };
  if (environments.scope.scope === 'denied') return { inherited: { items: [], scope: { ...environments.scope, reason: `Environments could not be read: ${environments.scope.reason ?? ''}` } } };
  return environments;
}

export async function readPerEnvironment<T>(read: EnvironmentsRead, plan: PerEnvironmentPlan<T>): Promise<ScopedRead<T>> {
  const environments = readableEnvironments<T>(read);
  if ('inherited' in environments) return environments.inherited;
  if (environments.items.length === 0) return { items: [], scope: environments.scope };
  const items = new Map<string, T>();
  const reads: EnvironmentRead[] = [];
  const refused: TenantIdentity[] = [];
  let signIn: AppFailure | undefined;
  /** Whether `account` read the environment in `scope`: its items kept, or why not recorded. */
  const tryList = async (account: TenantIdentity, environment: EnvironmentFact, scope: 'admin' | 'maker') => {
    try {
      for (const item of await plan.list(account, environment, scope)) items.set(plan.key(item), item);
      return true;
    } catch (error) {
      if (needsPerson(error)) signIn ??= error;
      else if (!isDenied(error)) throw error;
      else if (scope === 'maker') refused.push(account);
      return false;
    }
  };
  for (const environment of environments.items) {
    const access = read.access.get(environment.environmentId);
    const admin = access?.admin ?? null;
    if (admin && (await tryList(admin, environment, 'admin'))) {
      reads.push({ name: environment.displayName, admin, makers: [] });
      continue;
    }
    // The environment's makers, else every account of ours (an environment only an admin list named, whose admin route then refused).
    const candidates = access?.makers.length ? access.makers : plan.accounts;
    const makers: TenantIdentity[] = [];
    for (const account of candidates) if (await tryList(account, environment, 'maker')) makers.push(account);
    reads.push({ name: environment.displayName, admin: null, makers });
  }
  if (reads.every((r) => !r.admin && r.makers.length === 0) && refused.length === 0) return { needsPerson: signIn ?? new AppFailure('interaction-required', 'Nobody is signed in to this tenant yet') };
  return { items: [...items.values()], scope: scopeOfEnvironments(reads, refused, plan) };
}
