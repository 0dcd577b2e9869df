/** Collector: the Dataverse system users (Entra object id and kind of user) of every Customer Insights environment read in this sync. */
import { dataverseOrigin, type CloudProfile } from '../../../shared/cloud-profile';
import type { DataverseUserFact, EnvironmentFact, InventoryScope } from '../../../shared/power-platform-types';
import { AppFailure } from '../../../shared/result';
import { NEEDS_SIGN_IN } from '../../auth/auth-errors';
import { identityLabelOf, identityRefOf, type TenantIdentity } from '../../domain/identity';
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
  cloud: CloudProfile;
  environments: EnvironmentReader;
}

type EnvironmentUsers =
  | { users: DataverseUserFact[]; reader: TenantIdentity }
  /** Every account was refused (Dataverse 0x80072560 "not a member of the organization"). */
  | { refused: TenantIdentity[] }
  /** The instance's host is not on the cloud's Dataverse list: no token goes there. */
  | { offList: string }
  | { needsPerson: AppFailure }
  /** Dataverse never preauthorized the sign-in app (AADSTS65002); the failure says what to do. */
  | { clientRefused: AppFailure };

export function dataverseUsersCollector(deps: DataverseUsersDeps): Collector {
  /** The first of our accounts that Dataverse lets read the environment's users. */
  const readOne = async (ctx: CollectContext, environment: EnvironmentFact & { dataverseUrl: string }, seenAt: string): Promise<EnvironmentUsers> => {
    const origin = dataverseOrigin(deps.cloud, environment.dataverseUrl);
    if (!origin) return { offList: new URL(environment.dataverseUrl).host };
    let signIn: AppFailure | undefined;
    const refused: TenantIdentity[] = [];
    let clientRefused: AppFailure | undefined;
    for (const account of ctx.accounts) {
      try {
        const rest = deps.clients.rest(ctx.tenantId, identityRefOf(account), `${origin}/.default`, ctx.label);
        const users = await listSystemUsers({ rest, instanceUrl: origin, tenantId: ctx.tenantId, environmentId: environment.environmentId, seenAt, signal: ctx.signal });
        return { users, reader: account };
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'client-not-preauthorized') {
          clientRefused ??= error;
          continue;
        }
        if (!(error instanceof AppFailure) || (error.code !== 'access-denied' && !NEEDS_SIGN_IN.has(error.code))) throw error;
        if (error.code === 'access-denied') refused.push(account);
        else signIn ??= error;
      }
    }
    if (clientRefused) return { clientRefused };
    return signIn ? { needsPerson: signIn } : { refused };
  };

  return {
    name: 'dataverse-users',
    facts: 'Dataverse users',
    service: 'Dataverse',
    async collect(ctx) {
      const environments = readableEnvironments<DataverseUserFact>(await deps.environments.read(ctx));
      ctx.step('dataverse-users');
      const seenAt = new Date().toISOString();
      let read: ScopedRead<DataverseUserFact>;
      if ('inherited' in environments) read = environments.inherited;
      else {
        const results: { environment: EnvironmentFact; users: EnvironmentUsers }[] = [];
        for (const environment of environments.items) {
          if (environment.customerInsights === true && environment.dataverseUrl) results.push({ environment, users: await readOne(ctx, { ...environment, dataverseUrl: environment.dataverseUrl }, seenAt) });
        }
        read = usersRead(environments.scope, results, ctx.accounts[0]?.identityId ?? null, deps.cloud.label);
      }
      return scopedFacts(deps.inventory, ctx, 'customer-insights', read, seenAt, (tenantId, items) => deps.inventory.powerPlatform.replaceDataverseUsers(tenantId, items));
    },
  };
}

/** Why the users of one environment could not be read, and what to do about it. */
function missingReason(environment: EnvironmentFact, users: Exclude<EnvironmentUsers, { users: DataverseUserFact[] }>, cloudLabel: string): string {
  const env = environment.displayName;
  if ('offList' in users) return `${env}'s Dataverse instance (${users.offList}) is not one of ${cloudLabel}'s Dataverse hosts, so PAL Desk sends it no token: check the environment's instance URL or the cloud chosen in Settings.`;
  if ('needsPerson' in users) return `Reading the users of ${env} needs a person: ${users.needsPerson.message}`;
  if ('clientRefused' in users) return users.clientRefused.message;
  // A service principal reads a Dataverse instance only as an application user there (error 0x80072560: MicrosoftDocs/power-platform#2124).
  const apps = users.refused.filter((a) => a.kind === 'service-principal').map(identityLabelOf);
  const people = users.refused.filter((a) => a.kind !== 'service-principal').map(identityLabelOf);
  return [
    apps.length ? `Dataverse did not let ${apps.join(', ')} read the users of ${env}: add the app as an application user in that environment (a registered Power Platform management app is not enough).` : '',
    people.length || !apps.length ? `Dataverse did not let ${people.join(', ') || 'any of our accounts'} read the users of ${env}: sign in with a user of that environment or a Power Platform admin.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The scope of the users read: the environments' scope when every Customer Insights environment answered, maker when some refused, denied when all did. */
function usersRead(
  environmentsScope: Pick<InventoryScope, 'scope' | 'identityId' | 'reason'>,
  results: { environment: EnvironmentFact; users: EnvironmentUsers }[],
  defaultIdentity: string | null,
  cloudLabel: string,
): ScopedRead<DataverseUserFact> {
  const read = results.flatMap((r) => ('users' in r.users ? [r.users] : []));
  const missing = results.flatMap((r) => ('users' in r.users ? [] : [{ environment: r.environment, users: r.users }]));
  const signIn = missing.flatMap((r) => ('needsPerson' in r.users ? [r.users] : []))[0];
  if (read.length === 0 && signIn) return signIn;
  const refused = missing.length ? [...new Set(missing.map((r) => missingReason(r.environment, r.users, cloudLabel)))].join(' ') : null;
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
