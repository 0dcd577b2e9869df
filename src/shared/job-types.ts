/** Background job DTOs (sync, link all): progress per tenant and step, and the final summary. */

export type JobKind = 'sync' | 'link-all';

export type TaskStatus = 'running' | 'done' | 'failed' | 'skipped' | 'needs-sign-in' | 'needs-confirmation' | 'cancelled';

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
}

export interface JobSummary {
  jobId: string;
  kind: JobKind;
  total: number;
  counts: Record<TaskStatus, number>;
  cancelled: boolean;
  startedAt: string;
  finishedAt: string;
}
