/**
 * The tenant's environments as read in this sync: read once per collect context and shared by the collectors that need them (apps, flows, Dataverse users).
 * The BAP admin list returns the environments the caller administers, and all of them only for a tenant admin (Microsoft Learn,
 * Get-AdminPowerAppEnvironment: "where the calling user is an Environment Admin. If the calling user is a tenant admin, all environments
 * within the tenant will be returned"; microsoft/coe-starter-kit#8853, #2902 and #6278). So each environment records who may read it as an admin,
 * and the maker list names the others. Each environment with Dataverse is then checked for Customer Insights (its installed packages).
 */
import type { CloudProfile } from '../../shared/cloud-profile';
import type { EnvironmentFact, InventoryScope } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { identityLabelOf, identityRefOf, type TenantIdentity } from '../domain/identity';
import type { ClientRegistry } from '../http/client-registry';
import type { CollectContext } from '../sync/collector';
import { listEnvironments } from './bap-api';
import { CustomerInsightsDetector } from './customer-insights-detector';
import { scopeOfEnvironments } from './environment-scope';
import { isDenied, needsPerson, type ScopedRead } from './scoped-read';

/** Who may read an environment: the first of our accounts whose admin list has it, and those whose maker list has it. */
export interface EnvironmentAccess {
  admin: TenantIdentity | null;
  makers: TenantIdentity[];
}

export type EnvironmentsRead = ScopedRead<EnvironmentFact> & {
  seenAt: string;
  /** Per environment id; empty when nothing was read. */
  access: ReadonlyMap<string, EnvironmentAccess>;
};

export interface EnvironmentReaderDeps {
  clients: Pick<ClientRegistry, 'rest'>;
  cloud: CloudProfile;
}

/** Why a service principal, or a user who is neither admin nor maker, cannot list Power Platform resources. */
export const registrationRefusal = (what: string) => (account: TenantIdentity) =>
  account.kind === 'service-principal'
    ? `${identityLabelOf(account)}: a Power Platform admin must register the app (New-PowerAppManagementApp) before a service principal can read ${what}.`
    : `${identityLabelOf(account)} is not a Power Platform admin and may not list ${what} as a maker.`;

export class EnvironmentReader {
  readonly #deps: EnvironmentReaderDeps;
  readonly #customerInsights: CustomerInsightsDetector;
  /** One read per sync of a tenant (a collect context lives for one sync of one tenant), shared by the collectors and their runs again; a failed read is read again only by a collector's run again. */
  readonly #reads = new WeakMap<CollectContext, { read: Promise<EnvironmentsRead>; failed: boolean }>();

  constructor(deps: EnvironmentReaderDeps) {
    this.#deps = deps;
    this.#customerInsights = new CustomerInsightsDetector(deps);
  }

  read(ctx: CollectContext): Promise<EnvironmentsRead> {
    const known = this.#reads.get(ctx);
    if (known && !(known.failed && ctx.attempt > 1)) return known.read;
    const entry = { read: this.#read(ctx), failed: false };
    entry.read.catch(() => (entry.failed = true));
    this.#reads.set(ctx, entry);
    return entry.read;
  }

  async #read(ctx: CollectContext): Promise<EnvironmentsRead> {
    const seenAt = new Date().toISOString();
    const options = (account: TenantIdentity) => ({
      rest: this.#deps.clients.rest(ctx.tenantId, identityRefOf(account), this.#deps.cloud.scopes.powerApps, ctx.label),
      base: this.#deps.cloud.endpoints.bap,
      tenantId: ctx.tenantId,
      seenAt,
      signal: ctx.signal,
    });
    const found = new Map<string, EnvironmentFact>();
    const access = new Map<string, EnvironmentAccess>();
    const accessOf = (e: EnvironmentFact) => {
      if (!found.has(e.environmentId)) found.set(e.environmentId, e);
      let entry = access.get(e.environmentId);
      if (!entry) access.set(e.environmentId, (entry = { admin: null, makers: [] }));
      return entry;
    };
    const refused: TenantIdentity[] = [];
    const answered: TenantIdentity[] = [];
    let signIn: AppFailure | undefined;
    for (const account of ctx.accounts) {
      const admin = await attempt(() => listEnvironments(options(account), 'admin'));
      if ('needsPerson' in admin) {
        signIn ??= admin.needsPerson;
        continue;
      }
      const makerRead = await attempt(() => listEnvironments(options(account), 'maker'));
      if ('needsPerson' in makerRead) signIn ??= makerRead.needsPerson;
      const maker = 'items' in makerRead ? makerRead.items : null;
      if (!admin.items && !maker) {
        refused.push(account);
        continue;
      }
      answered.push(account);
      for (const e of admin.items ?? []) accessOf(e).admin ??= account;
      for (const e of maker ?? []) accessOf(e).makers.push(account);
      // Every environment our accounts see so far is administered by one of them: the others cannot widen the scope.
      if (access.size > 0 && [...access.values()].every((a) => a.admin)) break;
    }
    if (answered.length === 0 && refused.length === 0) return { needsPerson: signIn ?? new AppFailure('interaction-required', 'Nobody is signed in to this tenant yet'), seenAt, access };
    const items = [...found.values()];
    const reads = items.map((e) => ({ name: e.displayName, ...(access.get(e.environmentId) ?? { admin: null, makers: [] }) }));
    const scope =
      reads.length > 0
        ? scopeOfEnvironments(reads, refused, { adminName: 'a Power Platform admin', refusal: registrationRefusal('environments') })
        : emptyScope(answered, refused);
    return { items: await this.#customerInsights.detect(ctx, items), scope, seenAt, access };
  }
}

/** A list read, refused (no items) or needing the person; any other failure is thrown (the collector's facts are kept and marked stale). */
async function attempt<T>(read: () => Promise<T[]>): Promise<{ items: T[] | null } | { needsPerson: AppFailure }> {
  try {
    return { items: await read() };
  } catch (error) {
    if (needsPerson(error)) return { needsPerson: error };
    if (isDenied(error)) return { items: null };
    throw error;
  }
}

/** No environment in any list: maker scope for an account that read empty lists (it administers none and sees none), else denied. */
function emptyScope(answered: readonly TenantIdentity[], refused: readonly TenantIdentity[]): Pick<InventoryScope, 'scope' | 'identityId' | 'reason'> {
  const who = answered[0];
  if (!who) return { scope: 'denied', identityId: refused[0]?.identityId ?? null, reason: refused.map(registrationRefusal('environments')).join(' ') };
  return { scope: 'maker', identityId: who.identityId, reason: `${identityLabelOf(who)} administers no environment here and sees none as a maker: a Power Platform admin sees everything.` };
}
