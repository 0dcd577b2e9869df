/** What a sync collector is: it reads one kind of fact for one tenant and says how to save it in the tenant's snapshot. */
import type { TenantIdentity } from '../domain/identity';

export interface CollectContext {
  tenantId: string;
  /** The tenant's name for messages. */
  label: string;
  /** Our accounts in the tenant, the default first. */
  accounts: readonly TenantIdentity[];
  signal: AbortSignal;
  /** 1 on the collector's first run in this sync; 2, 3 when it runs again after its service throttled or failed. */
  readonly attempt: number;
  /** Reports the step the collector is in (progress per tenant and step). */
  step(name: string): void;
}

export interface Collected {
  /** Writes the facts; runs inside the tenant's snapshot transaction, after every collector has read. */
  save(): void;
  /** Set when none of our accounts could reach the tenant without the person (sign in, MFA, consent). */
  needsPerson?: string;
}

export interface Collector {
  /** Stable name, recorded with the collector's last success or failure (e.g. 'partner-links'). */
  readonly name: string;
  /** What it reads, in words for messages ('flows', 'partner links'). */
  readonly facts: string;
  /** The service it reads them from, as a person knows it, for messages ('Power Automate'). */
  readonly service: string;
  /** Reads the facts; throws an AppFailure when it cannot (its last known facts are then kept and marked stale). */
  collect(context: CollectContext): Promise<Collected>;
}
