/** Runs long work as cancellable jobs: one task per tenant, bounded concurrency, progress per tenant and step. */
import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import type { JobKind, JobProblem, JobProgressEvent, JobSummary, TaskOutcome, TaskStatus } from '../../shared/job-types';
import { AppFailure } from '../../shared/result';
import type { Logger } from '../logger';

export interface TaskContext {
  signal: AbortSignal;
  /** Reports that the task entered a step (shown in the UI as "Contoso: reading partner link"). */
  step(name: string): void;
}

export interface TaskResult {
  status: Exclude<TaskStatus, 'running' | 'cancelled'>;
  message?: string;
  outcome?: TaskOutcome;
  otherPartnerId?: string;
}

export interface JobOptions {
  concurrency: number;
  /** The name a person knows a tenant by, for the summary's problems (default: its id). */
  label?(tenantId: string): string;
}

export type TaskWorker = (tenantId: string, context: TaskContext) => Promise<TaskResult>;

export interface RunningJob {
  jobId: string;
  done: Promise<JobSummary>;
}

const emptyCounts = (): Record<TaskStatus, number> => ({
  running: 0, done: 0, failed: 0, skipped: 0, 'needs-sign-in': 0, 'needs-confirmation': 0, cancelled: 0,
});

/** The fields that are set (an event carries no `undefined` keys). */
const definedOf = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

export class JobRunner {
  readonly #jobs = new Map<string, AbortController>();
  readonly #running = new Map<string, Promise<JobSummary>>();
  /** Summaries of recently finished jobs, so a caller that asks after the end still gets its answer. */
  readonly #finished = new Map<string, JobSummary>();
  readonly #onProgress: (event: JobProgressEvent) => void;
  readonly #explain: (error: unknown) => AppFailure | null;
  readonly #log: Logger | undefined;

  /**
   * `explain` turns an error a task did not expect (the inventory busy or damaged) into the failure a person is told; any other
   * unexpected error is written to `log` (the person is told to look there).
   */
  constructor(onProgress: (event: JobProgressEvent) => void, explain: (error: unknown) => AppFailure | null = () => null, log?: Logger) {
    this.#onProgress = onProgress;
    this.#explain = explain;
    this.#log = log;
  }

  start(kind: JobKind, tenantIds: readonly string[], worker: TaskWorker, options: JobOptions): RunningJob {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.#jobs.set(jobId, controller);
    const total = tenantIds.length;
    const counts = emptyCounts();
    const problems: JobProblem[] = [];
    const outcomes: Partial<Record<TaskOutcome, number>> = {};
    const nameOf = (tenantId: string) => options.label?.(tenantId) ?? tenantId;
    const startedAt = new Date().toISOString();
    let done = 0;
    const emit = (tenantId: string, step: string, status: TaskStatus, extra: Pick<TaskResult, 'message' | 'outcome' | 'otherPartnerId'> = {}) =>
      this.#onProgress({ jobId, kind, tenantId, tenantName: nameOf(tenantId), step, status, done, total, ...definedOf(extra) });

    const queue = new PQueue({ concurrency: Math.max(1, options.concurrency) });
    const runOne = async (tenantId: string) => {
      if (controller.signal.aborted) {
        counts.cancelled += 1;
        return;
      }
      let step = 'start';
      let result: TaskResult | { status: 'cancelled'; message?: string; outcome?: undefined; otherPartnerId?: undefined };
      let code: string | undefined;
      try {
        result = await worker(tenantId, {
          signal: controller.signal,
          step: (name) => {
            step = name;
            emit(tenantId, name, 'running');
          },
        });
      } catch (thrown) {
        const error = thrown instanceof AppFailure ? thrown : (this.#explain(thrown) ?? thrown);
        code = error instanceof AppFailure ? error.code : undefined;
        if (!(error instanceof AppFailure) && !controller.signal.aborted) {
          this.#log?.error('job.task-failed', { kind, tenantId, step, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
        }
        result = controller.signal.aborted
          ? { status: 'cancelled' }
          : { status: 'failed', message: error instanceof AppFailure ? error.message : 'Unexpected error; see the log.' };
      }
      counts[result.status] += 1;
      if (result.outcome) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      done += 1;
      if (result.status !== 'done' && result.status !== 'cancelled') {
        problems.push({ tenantId, tenantName: nameOf(tenantId), status: result.status, message: result.message ?? '', ...(code ? { code } : {}) });
      }
      emit(tenantId, step, result.status, { message: result.message, outcome: result.outcome, otherPartnerId: result.otherPartnerId });
    };
    const finished = Promise.all(tenantIds.map((id) => queue.add(() => runOne(id)))).then((): JobSummary => {
      this.#jobs.delete(jobId);
      this.#running.delete(jobId);
      const summary: JobSummary = { jobId, kind, total, counts, outcomes, problems, cancelled: controller.signal.aborted, startedAt, finishedAt: new Date().toISOString() };
      this.#remember(summary);
      return summary;
    });
    this.#running.set(jobId, finished);
    return { jobId, done: finished };
  }

  /** The summary of a running or recently finished job, when it ends. */
  wait(jobId: string): Promise<JobSummary> {
    const finished = this.#finished.get(jobId);
    if (finished) return Promise.resolve(finished);
    const running = this.#running.get(jobId);
    if (!running) return Promise.reject(new AppFailure('not-found', 'That job is not known (it may have ended long ago).'));
    return running;
  }

  #remember(summary: JobSummary): void {
    this.#finished.set(summary.jobId, summary);
    if (this.#finished.size > 100) this.#finished.delete(this.#finished.keys().next().value as string);
  }

  /** Stops a job: running tasks see their signal aborted, queued tasks never start. Returns false for an unknown job. */
  cancel(jobId: string): boolean {
    const controller = this.#jobs.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  /** True while a job (sync, link all) is running. */
  get busy(): boolean {
    return this.#running.size > 0;
  }

  /** Resolves when every job running now has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.#running.values()]);
  }

  /** Cancels every job and waits for them to wind down. */
  async stopAll(): Promise<void> {
    for (const controller of this.#jobs.values()) controller.abort();
    await this.idle();
  }
}
