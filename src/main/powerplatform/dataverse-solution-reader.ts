/** Each Dataverse environment's model-driven apps and delivered solution components, read once per sync of a tenant with the first of our accounts Dataverse lets in, and shared by the apps and flows collectors. */
import type { AppFact, EnvironmentFact } from '../../shared/power-platform-types';
import { AppFailure } from '../../shared/result';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import { identityLabelOf, identityRefOf } from '../domain/identity';
import type { ClientRegistry } from '../http/client-registry';
import type { CollectContext } from '../sync/collector';
import { listModelDrivenApps, readDeliveredComponents } from './dataverse-solutions-api';

export type DataverseSolutions =
  | { modelDrivenApps: AppFact[]; delivered: ReadonlySet<string> }
  /** No Dataverse, or none of our accounts may read it: why, in words a person can act on. */
  | { unreadable: string };

export class DataverseSolutionReader {
  readonly #clients: Pick<ClientRegistry, 'rest'>;
  /** One read per environment and sync of a tenant (a collect context lives for one attempt at one tenant). */
  readonly #reads = new WeakMap<CollectContext, Map<string, Promise<DataverseSolutions>>>();

  constructor(deps: { clients: Pick<ClientRegistry, 'rest'> }) {
    this.#clients = deps.clients;
  }

  read(ctx: CollectContext, environment: EnvironmentFact): Promise<DataverseSolutions> {
    let byEnvironment = this.#reads.get(ctx);
    if (!byEnvironment) this.#reads.set(ctx, (byEnvironment = new Map()));
    let read = byEnvironment.get(environment.environmentId);
    if (!read) byEnvironment.set(environment.environmentId, (read = this.#read(ctx, environment)));
    return read;
  }

  /** Refusals and sign-in problems move on to the next account; anything else (throttled, offline) is thrown, so the collector keeps its last facts. */
  async #read(ctx: CollectContext, environment: EnvironmentFact): Promise<DataverseSolutions> {
    const instanceUrl = environment.dataverseUrl;
    if (!instanceUrl) return { unreadable: `${environment.displayName} has no Dataverse, where solutions are kept.` };
    const tried: string[] = [];
    for (const account of ctx.accounts) {
      try {
        const rest = this.#clients.rest(ctx.tenantId, identityRefOf(account), `${instanceUrl}/.default`, ctx.label);
        const o = { rest, instanceUrl, tenantId: ctx.tenantId, environmentId: environment.environmentId, seenAt: new Date().toISOString(), signal: ctx.signal };
        const delivered = await readDeliveredComponents(o);
        return { modelDrivenApps: await listModelDrivenApps(o, delivered), delivered };
      } catch (error) {
        // AADSTS65002: the sign-in app may not call Dataverse at all, whoever asks; its message says what to do.
        if (error instanceof AppFailure && error.code === 'client-not-preauthorized') return { unreadable: error.message };
        if (!(error instanceof AppFailure) || (error.code !== 'access-denied' && !NEEDS_SIGN_IN.has(error.code))) throw error;
        tried.push(identityLabelOf(account));
      }
    }
    return {
      unreadable: `Dataverse in ${environment.displayName} did not let ${tried.join(', ') || 'any of our accounts'} read its solutions: sign in with a Power Platform admin or a Dataverse user of that environment, then sync.`,
    };
  }
}
