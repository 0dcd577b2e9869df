/** Sync and "link all" as jobs: per tenant a silent token, the partner link read from ARM, one transaction to save; never a browser. */
import type { JobSummary } from '../../shared/job-types';
import { AppFailure } from '../../shared/result';
import type { Inventory } from '../inventory/inventory';
import type { PalService } from '../pal/pal-service';
import type { PartnerLinkApi } from '../pal/partner-link-api';
import { inTransaction } from '../inventory/transaction';
import type { TenantService } from '../tenants/tenant-service';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import type { JobRunner, TaskContext, TaskResult } from './job-runner';

/** Attempts per tenant task for throttling and 5xx answers, on top of the SDK's own Retry-After-aware retries. */
const JOB_ATTEMPTS = 3;

export interface SyncServiceDeps {
  inventory: Inventory;
  tenants: TenantService;
  pal: PalService;
  jobs: JobRunner;
  linkApiFor(tenantId: string): Promise<PartnerLinkApi>;
  onFinished(summary: JobSummary): void;
  concurrency: number;
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
    const job = this.#d.jobs.start(kind, ids, worker, { concurrency: this.#d.concurrency });
    void job.done.then((summary) => this.#d.onFinished(summary));
    return job;
  }

  /** Reads every selected tenant's partner link and saves it; tenants that need a person are marked, not prompted. */
  sync(tenantIds?: string[]) {
    return this.#start('sync', this.#targets(tenantIds), (tenantId, ctx) => this.#guard(tenantId, () => this.syncOne(tenantId, ctx)));
  }

  /** Links the partner ID in every selected tenant with the same checks as a click (another partner's ID is never replaced). */
  linkAll(tenantIds?: string[]) {
    return this.#start('link-all', this.#targets(tenantIds), (tenantId, ctx) =>
      this.#guard(tenantId, async () => {
        ctx.step('link');
        const outcome = await this.#d.pal.link(tenantId);
        if (outcome.kind === 'needs-confirmation') return { status: 'needs-confirmation', message: `Partner ID ${outcome.otherPartnerId} is linked` };
        if (outcome.kind === 'queued') return { status: 'skipped', message: 'Queued until Azure is reachable' };
        return { status: 'done' };
      }),
    );
  }

  async syncOne(tenantId: string, ctx: TaskContext): Promise<TaskResult> {
    if (!this.#d.tenants.identity(tenantId)) return { status: 'needs-sign-in', message: 'Nobody is signed in to this tenant yet' };
    ctx.step('token');
    const objectId = await this.#d.tenants.silentObjectId(tenantId);
    ctx.step('read-link');
    const api = await this.#d.linkApiFor(tenantId);
    const { link } = await api.read();
    if (ctx.signal.aborted) throw new AppFailure('cancelled', 'Cancelled');
    ctx.step('save');
    const inv = this.#d.inventory;
    inTransaction(inv.db, () => {
      inv.identities.confirm(tenantId, objectId);
      inv.links.record(tenantId, objectId, link);
      inv.tenants.markSynced(tenantId, null);
    });
    return { status: 'done' };
  }

  /** Runs one tenant's task, retrying throttled or failing calls a few times with backoff, and classifying what is left. */
  async #guard(tenantId: string, run: () => Promise<TaskResult>): Promise<TaskResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (error instanceof AppFailure && (error.code === 'throttled' || error.code === 'service-unavailable') && attempt < JOB_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
          continue;
        }
        return this.#classify(tenantId, error);
      }
    }
  }

  #classify(tenantId: string, error: unknown): TaskResult {
    if (!(error instanceof AppFailure)) throw error;
    if (NEEDS_SIGN_IN.has(error.code)) {
      this.#d.tenants.markSignInProblem(tenantId, error);
      return { status: 'needs-sign-in', message: error.message };
    }
    this.#d.inventory.tenants.markSynced(tenantId, error.message);
    throw error;
  }
}
