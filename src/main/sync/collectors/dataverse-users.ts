/** Collector: the Dataverse system users (Entra object id, disabled or not) of every Customer Insights environment read in this sync. */
import type { DataverseUserFact, EnvironmentFact } from '../../../shared/power-platform-types';
import { AppFailure } from '../../../shared/result';
import { NEEDS_SIGN_IN } from '../../auth/auth-errors';
import { identityRefOf, type TenantIdentity } from '../../domain/identity';
import type { ClientRegistry } from '../../http/client-registry';
import type { Inventory } from '../../inventory/inventory';
import { listSystemUsers } from '../../powerplatform/dataverse-api';
import type { EnvironmentReader } from '../../powerplatform/environment-reader';
import type { ScopedRead } from '../../powerplatform/scoped-read';
import type { Collector, CollectContext } from '../collector';
import { scopedFacts } from './scoped-facts';

export interface DataverseUsersDeps {
  inventory: Inventory;
  clients: Pick<ClientRegistry, 'rest'>;
  environments: EnvironmentReader;
}

type EnvironmentUsers = { users: DataverseUserFact[]; reader: TenantIdentity } | { refused: true } | { needsPerson: AppFailure };

export function dataverseUsersCollector(deps: DataverseUsersDeps): Collector {
  /** The first of our accounts that Dataverse lets read the environment's users. */
  const readOne = async (ctx: CollectContext, environment: EnvironmentFact & { dataverseUrl: string }, seenAt: string): Promise<EnvironmentUsers> => {
    let signIn: AppFailure | undefined;
    for (const account of ctx.accounts) {
      try {
        const rest = deps.clients.rest(ctx.tenantId, identityRefOf(account), `${environment.dataverseUrl}/.default`, ctx.label);
        const users = await listSystemUsers({ rest, instanceUrl: environment.dataverseUrl, tenantId: ctx.tenantId, environmentId: environment.environmentId, seenAt, signal: ctx.signal });
        return { users, reader: account };
      } catch (error) {
        if (!(error instanceof AppFailure) || (error.code !== 'access-denied' && !NEEDS_SIGN_IN.has(error.code))) throw error;
        if (error.code !== 'access-denied') signIn ??= error;
      }
    }
    return signIn ? { needsPerson: signIn } : { refused: true };
  };

  return {
    name: 'dataverse-users',
    async collect(ctx) {
      const environments = await deps.environments.read(ctx);
      ctx.step('dataverse-users');
      const seenAt = new Date().toISOString();
      let read: ScopedRead<DataverseUserFact>;
      if ('needsPerson' in environments) read = environments;
      else if (environments.scope.scope === 'denied') read = { items: [], scope: { ...environments.scope, reason: `Environments could not be read: ${environments.scope.reason ?? ''}` } };
      else {
        const ci = environments.items.filter((e): e is EnvironmentFact & { dataverseUrl: string } => e.customerInsights && e.dataverseUrl !== null);
        const results = [];
        for (const environment of ci) results.push({ environment, result: await readOne(ctx, environment, seenAt) });
        const read_ = results.flatMap((r) => ('users' in r.result ? [r.result] : []));
        const missing = results.filter((r) => !('users' in r.result));
        const signIn = missing.map((r) => r.result).find((r) => 'needsPerson' in r);
        const items = read_.flatMap((r) => r.users);
        const refusedReason = missing.length
          ? `Dataverse did not let any of our accounts read the users of ${missing.map((r) => r.environment.displayName).join(', ')}: sign in with a user of that environment or a Power Platform admin.`
          : null;
        if (signIn && 'needsPerson' in signIn && read_.length === 0) read = signIn;
        else if (missing.length && read_.length === 0) read = { items: [], scope: { scope: 'denied', identityId: ctx.accounts[0]?.identityId ?? null, reason: refusedReason } };
        else {
          const reason = [environments.scope.reason, refusedReason].filter(Boolean).join(' ') || null;
          read = { items, scope: { scope: missing.length ? 'maker' : environments.scope.scope, identityId: read_[0]?.reader.identityId ?? environments.scope.identityId, reason } };
        }
      }
      return scopedFacts(deps.inventory, ctx, 'customer-insights', read, seenAt, (tenantId, items) => deps.inventory.powerPlatform.replaceDataverseUsers(tenantId, items));
    },
  };
}
