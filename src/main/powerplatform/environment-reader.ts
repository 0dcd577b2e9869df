/** The tenant's environments as read in this sync, with whether each has Customer Insights: read once per collect context and shared by the collectors that need them (apps, flows, Dataverse users). */
import type { CloudProfile } from '../../shared/cloud-profile';
import type { EnvironmentFact } from '../../shared/power-platform-types';
import { identityLabelOf, identityRefOf, type TenantIdentity } from '../domain/identity';
import type { ClientRegistry } from '../http/client-registry';
import type { CollectContext } from '../sync/collector';
import { listEnvironments } from './bap-api';
import { CustomerInsightsDetector } from './customer-insights-detector';
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
  readonly #customerInsights: CustomerInsightsDetector;
  /** One read per sync of a tenant (a collect context lives for one attempt at one tenant). */
  readonly #reads = new WeakMap<CollectContext, Promise<EnvironmentsRead>>();

  constructor(deps: EnvironmentReaderDeps) {
    this.#deps = deps;
    this.#customerInsights = new CustomerInsightsDetector(deps);
  }

  read(ctx: CollectContext): Promise<EnvironmentsRead> {
    let read = this.#reads.get(ctx);
    if (!read) {
      read = this.#read(ctx);
      this.#reads.set(ctx, read);
    }
    return read;
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
    if ('needsPerson' in read) return { ...read, seenAt };
    return { ...read, items: await this.#customerInsights.detect(ctx, read.items), seenAt };
  }
}
