/** Sync and "link all" as jobs: per tenant, the collectors read their facts and one transaction saves the snapshot; never a browser. */
import type { JobSummary } from '../../shared/job-types';
import type { TenantView } from '../../shared/view-types';
import { AppFailure } from '../../shared/result';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import type { TenantIdentity } from '../domain/identity';
import type { Inventory, SnapshotPart } from '../inventory/inventory';
import type { Logger } from '../logger';
import type { PalService } from '../pal/pal-service';
import type { WorkPresence } from '../writer/work-presence';
import type { WriterLock } from '../writer/writer-lock';
import type { Collected, CollectContext, Collector } from './collector';
import { collectWithRetry, type CollectorFailure, type CollectRun } from './collector-retry';
import type { JobRunner, TaskContext, TaskResult } from './job-runner';

/** Attempts per link-all task for throttling and 5xx answers, on top of the pipeline's own Retry-After-aware retries. */
const JOB_ATTEMPTS = 3;
/** Longest one collector reads one tenant, its runs again included; then it is stopped and its last facts are kept, marked stale. */
export const COLLECTOR_TIME_MS = 15 * 60_000;

export interface SyncServiceDeps {
  inventory: Inventory;
  pal: PalService;
  jobs: JobRunner;
  /** The data folder's writer lock: link all holds it for the whole job, and stops when another process took it over. */
  writer: Pick<WriterLock, 'hold' | 'assertHeld'>;
  /** Every job holds this process's work lease while it runs (another process's "forget everything" waits for it). */
  presence: Pick<WorkPresence, 'enter'>;
  /** Run in this order for every tenant; each returns its own facts. */
  collectors: readonly Collector[];
  accounts(tenantId: string): TenantIdentity[];
  label(tenantId: string): string;
  markSignInProblem(tenantId: string, identityId: string, failure: AppFailure): void;
  /** Starts tracking discovered tenants. */
  track(tenantIds: string[]): TenantView[];
  /** Sends the offline queue. */
  replayQueue(): Promise<unknown>;
  onFinished(summary: JobSummary): void;
  concurrency: number;
  /** Why a tenant added in another cloud than the running one is left alone (never read or written with this cloud's hosts), else null. */
  otherCloud?(tenantId: string): string | null;
  /** Longest one collector may read one tenant (default COLLECTOR_TIME_MS). */
  collectorTimeMs?: number;
  /** Told of a collector that failed unexpectedly (a bug): the sync goes on without its facts. */
  log: Logger;
}

export class SyncService {
  readonly #d: SyncServiceDeps;

  constructor(deps: SyncServiceDeps) {
    this.#d = deps;
  }

  #targets(tenantIds?: string[]): string[] {
    return tenantIds && tenantIds.length > 0 ? tenantIds : this.#d.inventory.tenants.ids({ includeArchived: false });
  }

  #start(kind: 'sync' | 'link-all', ids: string[], worker: (tenantId: string, ctx: TaskContext) => Promise<TaskResult>) {
    const leave = this.#d.presence.enter(kind);
    const job = this.#d.jobs.start(kind, ids, worker, { concurrency: this.#d.concurrency, label: this.#d.label });
    void job.done.finally(leave).then((summary) => this.#d.onFinished(summary));
    return job;
  }

  /** Syncs every selected tenant; tenants that need a person are marked, not prompted. */
  sync(tenantIds?: string[]) {
    return this.#start('sync', this.#targets(tenantIds), (tenantId, ctx) => this.syncOne(tenantId, ctx));
  }

  /** Sends the offline queue, then syncs: each tenant's task waits for the queue, so a read never lands before a write it would contradict. */
  syncAfterReplay(tenantIds?: string[]) {
    const replayed = this.#d.replayQueue().catch(() => undefined);
    return this.#start('sync', this.#targets(tenantIds), async (tenantId, ctx) => {
      await replayed;
      return this.syncOne(tenantId, ctx);
    });
  }

  /** Tracks discovered tenants and syncs them at once, which confirms each account there. */
  trackAndSync(tenantIds: string[]): { tenants: TenantView[]; jobId: string } {
    const tenants = this.#d.track(tenantIds);
    return { tenants, jobId: this.sync(tenantIds).jobId };
  }

  /** Links the partner ID for every account of ours in every selected tenant, with the same checks as a click; holds the writer lock until the job ends. */
  async linkAll(tenantIds?: string[]) {
    const release = await this.#d.writer.hold();
    try {
      const job = this.#start('link-all', this.#targets(tenantIds), (tenantId, ctx) =>
        this.#retrying(async () => {
          // A link all paused past its turn (Ctrl+Z, a laptop asleep) stops every remaining tenant with the reason.
          this.#d.writer.assertHeld();
          const elsewhere = this.#d.otherCloud?.(tenantId);
          if (elsewhere) return { status: 'skipped', message: elsewhere };
          if (this.#d.accounts(tenantId).length === 0) return { status: 'needs-sign-in', message: 'Nobody is signed in to this tenant yet' };
          ctx.step('link');
          return this.#linkResult(tenantId, await this.#d.pal.linkEach(tenantId, { signal: ctx.signal }));
        }),
      );
      void job.done.finally(release);
      return job;
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * One tenant's sync: every collector reads once, then one transaction saves what each found. A collector its service throttled
   * or failed runs again on its own (the others keep what they read); one that could not read keeps its last facts, marked stale;
   * one whose service asked to wait beyond the cap is not called again, in this sync or the next, before the time it gave.
   */
  async syncOne(tenantId: string, ctx: TaskContext): Promise<TaskResult> {
    const elsewhere = this.#d.otherCloud?.(tenantId);
    if (elsewhere) return { status: 'skipped', message: elsewhere };
    const accounts = this.#d.accounts(tenantId);
    if (accounts.length === 0) return { status: 'needs-sign-in', message: 'Nobody is signed in to this tenant yet' };
    let attempt = 1;
    /** The running collector's signal: the job's cancel, or its own time running out. */
    let signal = ctx.signal;
    const context: CollectContext = {
      tenantId,
      label: this.#d.label(tenantId),
      accounts,
      get signal() {
        return signal;
      },
      step: ctx.step,
      get attempt() {
        return attempt;
      },
    };
    const run = { setAttempt: (n: number) => (attempt = n), givenUp: new WeakSet<AppFailure>() };
    const held = this.#d.inventory.runs.held(tenantId);
    const parts: SnapshotPart[] = [];
    const waits: string[] = [];
    let needsPerson: string | undefined;
    let failure: AppFailure | undefined;
    let stopped: CollectorFailure | undefined;
    for (const collector of this.#d.collectors) {
      const hold = held.get(collector.name);
      if (hold) {
        waits.push(hold.message);
        continue;
      }
      const bounded = await this.#bounded(collector, context, run, ctx.signal, (s) => (signal = s));
      if ('collected' in bounded) {
        const { save, needsPerson: unread } = bounded.collected;
        // Every account needs the person: nothing was read, so the collector's last facts stay, marked stale with why.
        parts.push({ collector: collector.name, save, ...(unread ? { failure: { code: 'interaction-required', message: unread } } : {}) });
        needsPerson ??= unread;
        continue;
      }
      // A read shared with a collector stopped for its time (the environments) was cancelled with it: that is the reason.
      const result = bounded.code === 'cancelled' && stopped ? stopped : bounded;
      if (result.code === 'timeout') stopped = result;
      const { code, message, notBefore } = result;
      parts.push({ collector: collector.name, failure: { code, message, ...(notBefore ? { notBefore } : {}) } });
      if (notBefore) waits.push(message);
      else failure ??= result.failure;
    }
    if (ctx.signal.aborted) throw new AppFailure('cancelled', 'Cancelled');
    ctx.step('save');
    this.#d.inventory.saveSnapshot(tenantId, parts);
    if (failure) throw failure;
    if (waits.length > 0) throw new AppFailure('throttled', waits.join(' '));
    return needsPerson ? { status: 'needs-sign-in', message: needsPerson } : { status: 'done', outcome: 'synced' };
  }

  /**
   * Runs one collector within its time: when the time runs out it is stopped and fails naming its service; an unexpected error
   * (a bug) is logged and fails that collector only. Either way the other collectors' facts are saved and its own kept, stale.
   */
  async #bounded(collector: Collector, context: CollectContext, run: CollectRun, job: AbortSignal, use: (signal: AbortSignal) => void): Promise<{ collected: Collected } | CollectorFailure> {
    const ms = this.#d.collectorTimeMs ?? COLLECTOR_TIME_MS;
    const time = new AbortController();
    const timer = setTimeout(() => time.abort(), ms);
    use(AbortSignal.any([job, time.signal]));
    try {
      return await collectWithRetry(collector, context, run);
    } catch (error) {
      if (job.aborted) throw error;
      const { facts, service } = collector;
      if (time.signal.aborted) {
        const [n, unit] = ms >= 60_000 ? [Math.round(ms / 60_000), 'minute'] : [Math.ceil(ms / 1000), 'second'];
        const minutes = `${n} ${unit}${n === 1 ? '' : 's'}`;
        return stale(new AppFailure('timeout', `${service} took longer than ${minutes} to give the ${facts} of ${context.label}; PAL Desk stopped reading there and keeps the ${facts} of the last sync. Try again later.`, { service, final: true }));
      }
      if (error instanceof AppFailure) throw error;
      this.#d.log.error('sync.collector-failed', { collector: collector.name, tenantId: context.tenantId, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      return stale(new AppFailure('internal', `PAL Desk could not read the ${facts} of ${context.label} from ${service} (an unexpected error, written to the log); it keeps the ${facts} of the last sync. Try again, and report it if it persists.`));
    } finally {
      clearTimeout(timer);
      use(job);
    }
  }

  /** Classifies a tenant's link results: a decision or a sign-in needed by any account wins over "done". */
  #linkResult(tenantId: string, result: Awaited<ReturnType<PalService['linkEach']>>): TaskResult {
    const outcomes = result.accounts.flatMap((a) => ('outcome' in a ? [a.outcome] : []));
    const errors = result.accounts.flatMap((a) => ('error' in a ? [{ identityId: a.identityId, error: a.error }] : []));
    const other = outcomes.find((o) => o.kind === 'needs-confirmation');
    if (other?.kind === 'needs-confirmation') {
      return { status: 'needs-confirmation', message: `Partner ID ${other.otherPartnerId} is linked`, otherPartnerId: other.otherPartnerId };
    }
    const signIn = errors.filter((e) => NEEDS_SIGN_IN.has(e.error.code));
    for (const e of signIn) this.#d.markSignInProblem(tenantId, e.identityId, new AppFailure(e.error.code, e.error.message));
    if (signIn[0]) return { status: 'needs-sign-in', message: signIn[0].error.message };
    const [firstError] = errors;
    if (firstError) throw new AppFailure(firstError.error.code, firstError.error.message, firstError.error.detail);
    if (outcomes.some((o) => o.kind === 'queued')) return { status: 'skipped', message: 'Queued until Azure is reachable', outcome: 'queued' };
    if (outcomes.some((o) => o.kind === 'replaced')) return { status: 'done', outcome: 'replaced' };
    return { status: 'done', outcome: outcomes.every((o) => o.kind === 'already-linked') ? 'already-linked' : 'linked' };
  }

  /** Runs one tenant's link-all task, retrying throttled or failing calls a few times with backoff (a sync retries per collector instead). */
  async #retrying(run: () => Promise<TaskResult>): Promise<TaskResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (error instanceof AppFailure && (error.code === 'throttled' || error.code === 'service-unavailable') && attempt < JOB_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
          continue;
        }
        throw error;
      }
    }
  }
}

/** A collector's failure as its stale mark. */
const stale = (failure: AppFailure): CollectorFailure => ({ failure, code: failure.code, message: failure.message });
