/** The tenant's environments as read in this sync: read once per collect context and shared by the collectors that need them (apps, flows, Dataverse users). */
import type { CloudProfile } from '../../shared/cloud-profile';
import type { EnvironmentFact } from '../../shared/power-platform-types';
import { identityLabelOf, identityRefOf, type TenantIdentity } from '../domain/identity';
import type { ClientRegistry } from '../http/client-registry';
import type { CollectContext } from '../sync/collector';
import { listEnvironments } from './bap-api';
import { readScoped, type ScopedRead } from './scoped-read';

export type EnvironmentsRead = ScopedRead<EnvironmentFact> & { seenAt: string };

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
  /** One read per sync of a tenant (a collect context lives for one sync of one tenant), shared by the collectors and their runs again; a failed read is read again only by a collector's run again. */
  readonly #reads = new WeakMap<CollectContext, { read: Promise<EnvironmentsRead>; failed: boolean }>();

  constructor(deps: EnvironmentReaderDeps) {
    this.#deps = deps;
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
    const read = await readScoped({
      accounts: ctx.accounts,
      adminName: 'a Power Platform admin',
      admin: (account) => listEnvironments(options(account), 'admin'),
      maker: (account) => listEnvironments(options(account), 'maker'),
      key: (e) => e.environmentId,
      refusal: registrationRefusal('environments'),
    });
    return { ...read, seenAt };
  }
}
