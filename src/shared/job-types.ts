/** Background job DTOs (sync, link all): progress per tenant and step, and the final summary. */

export type JobKind = 'sync' | 'link-all';

export type TaskStatus = 'running' | 'done' | 'failed' | 'skipped' | 'needs-sign-in' | 'needs-confirmation' | 'cancelled';

/** What a task that ended did, finer than its status (the panel's summary: "38 linked, 2 already linked"). */
export type TaskOutcome = 'linked' | 'already-linked' | 'replaced' | 'queued' | 'synced';

export interface JobProgressEvent {
  jobId: string;
  kind: JobKind;
  tenantId: string;
  /** e.g. 'token', 'read-link', 'link', 'save'. */
  step: string;
  status: TaskStatus;
  message?: string;
  done: number;
  total: number;
  /** The name a person knows the tenant by. */
  tenantName: string;
  /** Set on the event that ends a task, when it did something worth counting. */
  outcome?: TaskOutcome;
  /** Set with 'needs-confirmation': the other partner's ID a person must confirm to replace. */
  otherPartnerId?: string;
}

/** A tenant whose task did not end 'done' (or cancelled): what happened there and why. */
export interface JobProblem {
  tenantId: string;
  tenantName: string;
  status: Exclude<TaskStatus, 'running' | 'done' | 'cancelled'>;
  message: string;
  /** The failure's error code, when the task failed with one. */
  code?: string;
}

export interface JobSummary {
  jobId: string;
  kind: JobKind;
  total: number;
  counts: Record<TaskStatus, number>;
  /** Tasks by what they did (tasks without an outcome are absent). */
  outcomes: Partial<Record<TaskOutcome, number>>;
  /** Every tenant that failed, needs a person, or was queued or skipped, in the order they finished. */
  problems: JobProblem[];
  cancelled: boolean;
  startedAt: string;
  finishedAt: string;
}
