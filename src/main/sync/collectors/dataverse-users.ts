/** Collector: the Dataverse system users (Entra object id, disabled or not) of every Customer Insights environment read in this sync. */
import type { DataverseUserFact, EnvironmentFact, InventoryScope } from '../../../shared/power-platform-types';
import { AppFailure } from '../../../shared/result';
import { NEEDS_SIGN_IN } from '../../auth/auth-errors';
import { identityRefOf, type TenantIdentity } from '../../domain/identity';
import type { ClientRegistry } from '../../http/client-registry';
import type { Inventory } from '../../inventory/inventory';
import { listSystemUsers } from '../../powerplatform/dataverse-api';
import type { EnvironmentReader } from '../../powerplatform/environment-reader';
import { readableEnvironments } from '../../powerplatform/per-environment';
import type { ScopedRead } from '../../powerplatform/scoped-read';
import type { Collector, CollectContext } from '../collector';
import { scopedFacts } from './scoped-facts';

export interface DataverseUsersDeps {
  inventory: Inventory;
  clients: Pick<ClientRegistry, 'rest'>;
  environments: EnvironmentReader;
}

/** `clientRefused`: Dataverse never preauthorized the sign-in app (AADSTS65002); the failure says what to do. */
type EnvironmentUsers = { users: DataverseUserFact[]; reader: TenantIdentity } | { refused: true } | { needsPerson: AppFailure } | { clientRefused: AppFailure };

export function dataverseUsersCollector(deps: DataverseUsersDeps): Collector {
  /** The first of our accounts that Dataverse lets read the environment's users. */
  const readOne = async (ctx: CollectContext, environment: EnvironmentFact & { dataverseUrl: string }, seenAt: string): Promise<EnvironmentUsers> => {
    let signIn: AppFailure | undefined;
    let clientRefused: AppFailure | undefined;
    for (const account of ctx.accounts) {
      try {
        const rest = deps.clients.rest(ctx.tenantId, identityRefOf(account), `${environment.dataverseUrl}/.default`, ctx.label);
        const users = await listSystemUsers({ rest, instanceUrl: environment.dataverseUrl, tenantId: ctx.tenantId, environmentId: environment.environmentId, seenAt, signal: ctx.signal });
        return { users, reader: account };
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'client-not-preauthorized') {
          clientRefused ??= error;
          continue;
        }
        if (!(error instanceof AppFailure) || (error.code !== 'access-denied' && !NEEDS_SIGN_IN.has(error.code))) throw error;
        if (error.code !== 'access-denied') signIn ??= error;
      }
    }
    if (clientRefused) return { clientRefused };
    return signIn ? { needsPerson: signIn } : { refused: true };
  };

  return {
    name: 'dataverse-users',
    async collect(ctx) {
      const environments = readableEnvironments<DataverseUserFact>(await deps.environments.read(ctx));
      ctx.step('dataverse-users');
      const seenAt = new Date().toISOString();
      let read: ScopedRead<DataverseUserFact>;
      if ('inherited' in environments) read = environments.inherited;
      else {
        const results: { environment: EnvironmentFact; users: EnvironmentUsers }[] = [];
        for (const environment of environments.items) {
          if (environment.customerInsights && environment.dataverseUrl) results.push({ environment, users: await readOne(ctx, { ...environment, dataverseUrl: environment.dataverseUrl }, seenAt) });
        }
        read = usersRead(environments.scope, results, ctx.accounts[0]?.identityId ?? null);
      }
      return scopedFacts(deps.inventory, ctx, 'customer-insights', read, seenAt, (tenantId, items) => deps.inventory.powerPlatform.replaceDataverseUsers(tenantId, items));
    },
  };
}

/** The scope of the users read: the environments' scope when every Customer Insights environment answered, maker when some refused, denied when all did. */
function usersRead(
  environmentsScope: Pick<InventoryScope, 'scope' | 'identityId' | 'reason'>,
  results: { environment: EnvironmentFact; users: EnvironmentUsers }[],
  defaultIdentity: string | null,
): ScopedRead<DataverseUserFact> {
  const read = results.flatMap((r) => ('users' in r.users ? [r.users] : []));
  const missing = results.filter((r) => !('users' in r.users));
  const signIn = missing.flatMap((r) => ('needsPerson' in r.users ? [r.users] : []))[0];
  if (read.length === 0 && signIn) return signIn;
  const notMembers = missing.filter((r) => !('clientRefused' in r.users));
  const byClient = [...new Set(missing.flatMap((r) => ('clientRefused' in r.users ? [r.users.clientRefused.message] : [])))];
  const refused =
    [
      notMembers.length
        ? `Dataverse did not let any of our accounts read the users of ${notMembers.map((r) => r.environment.displayName).join(', ')}: sign in with a user of that environment or a Power Platform admin.`
        : null,
      ...byClient,
    ]
      .filter(Boolean)
      .join(' ') || null;
  if (read.length === 0 && refused) return { items: [], scope: { scope: 'denied', identityId: defaultIdentity, reason: refused } };
  return {
    items: read.flatMap((r) => r.users),
    scope: {
      scope: refused ? 'maker' : environmentsScope.scope,
      identityId: read[0]?.reader.identityId ?? environmentsScope.identityId,
      reason: [environmentsScope.reason, refused].filter(Boolean).join(' ') || null,
    },
  };
}
