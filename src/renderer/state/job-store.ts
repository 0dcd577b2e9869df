/** The bulk-work panel's state (zustand): the current sync or link-all job, one row per tenant, what a person still has to do, and whether the panel is open. */
import { create } from 'zustand';
import type { JobKind, JobProgressEvent, JobSummary, TaskOutcome, TaskStatus } from '../../shared/job-types';

/** A tenant's row: 'queued' until its task starts; 'signed-in' after a person signed in from the panel, until the retry. */
export type RowStatus = 'queued' | TaskStatus | 'signed-in';

export interface JobRow {
  tenantId: string;
  tenantName: string;
  status: RowStatus;
  step: string | null;
  message: string | null;
  outcome: TaskOutcome | null;
  otherPartnerId: string | null;
}

export interface PanelJob {
  jobId: string;
  kind: JobKind;
  done: number;
  total: number;
  rows: JobRow[];
  summary: JobSummary | null;
}

interface JobPanelState {
  job: PanelJob | null;
  open: boolean;
  /** A tenant's detail is open: the panel is put away and does not open by itself (its compact status shows the job). */
  held: boolean;
  /** A job was started from this window: shows its tenants as queued and opens the panel. */
  begin(jobId: string, kind: JobKind, tenants: readonly { tenantId: string; name: string }[]): void;
  progress(event: JobProgressEvent): void;
  finish(summary: JobSummary): void;
  /** Sets one row after a person acted on it from the panel (signed in, retried, confirmed a replacement). */
  updateRow(tenantId: string, patch: Partial<Omit<JobRow, 'tenantId' | 'tenantName'>>): void;
  setOpen(open: boolean): void;
  /** Puts the panel away while a tenant's detail is open (so the two never squeeze the tenant list), and lets it open again after. */
  hold(held: boolean): void;
}

const queuedRow = (tenantId: string, tenantName: string): JobRow => ({
  tenantId,
  tenantName,
  status: 'queued',
  step: null,
  message: null,
  outcome: null,
  otherPartnerId: null,
});

const rowOf = (event: JobProgressEvent): JobRow => ({
  tenantId: event.tenantId,
  tenantName: event.tenantName,
  status: event.status,
  step: event.step,
  message: event.message ?? null,
  outcome: event.outcome ?? null,
  otherPartnerId: event.otherPartnerId ?? null,
});

export const useJobPanel = create<JobPanelState>((set, get) => ({
  job: null,
  open: false,
  held: false,
  begin(jobId, kind, tenants) {
    const current = get().job;
    const seen = current?.jobId === jobId ? current.rows : [];
    const rows = tenants.map((t) => seen.find((r) => r.tenantId === t.tenantId) ?? queuedRow(t.tenantId, t.name));
    const extra = seen.filter((r) => !rows.some((q) => q.tenantId === r.tenantId));
    set({
      job: { jobId, kind, done: current?.jobId === jobId ? current.done : 0, total: tenants.length, rows: [...rows, ...extra], summary: current?.jobId === jobId ? current.summary : null },
      open: !get().held,
    });
  },
  progress(event) {
    const current = get().job;
    const job = current?.jobId === event.jobId ? current : { jobId: event.jobId, kind: event.kind, done: 0, total: event.total, rows: [], summary: null };
    const rows = job.rows.some((r) => r.tenantId === event.tenantId)
      ? job.rows.map((r) => (r.tenantId === event.tenantId ? rowOf(event) : r))
      : [...job.rows, rowOf(event)];
    set({ job: { ...job, done: event.done, total: event.total, rows }, ...(current?.jobId === event.jobId ? {} : { open: !get().held }) });
  },
  finish(summary) {
    const job = get().job;
    if (job?.jobId !== summary.jobId) return;
    const rows = job.rows.map((r) => (r.status === 'queued' || r.status === 'running' ? { ...r, status: 'cancelled' as const } : r));
    set({ job: { ...job, done: summary.total, rows, summary } });
  },
  updateRow(tenantId, patch) {
    const job = get().job;
    if (!job) return;
    set({ job: { ...job, rows: job.rows.map((r) => (r.tenantId === tenantId ? { ...r, ...patch } : r)) } });
  },
  setOpen: (open) => set({ open }),
  hold: (held) => set(held ? { held, open: false } : { held }),
}));
