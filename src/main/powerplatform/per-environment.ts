/** Reads a resource listed per environment (apps, flows) with the widest scope, over the environments this sync read; no environments to read means the environments' scope. */
import type { EnvironmentFact, InventoryScope } from '../../shared/power-platform-types';
import type { TenantIdentity } from '../domain/identity';
import type { EnvironmentsRead } from './environment-reader';
import { readScoped, type ScopedRead, type ScopedReadPlan } from './scoped-read';

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
  const all = (account: TenantIdentity, scope: 'admin' | 'maker') => async () => {
    const out: T[] = [];
    for (const environment of environments.items) out.push(...(await plan.list(account, environment, scope)));
    return out;
  };
  return readScoped({ ...plan, admin: (account) => all(account, 'admin')(), maker: (account) => all(account, 'maker')() });
}
