import { beforeEach, describe, expect, it } from 'vitest';
import type { JobProgressEvent } from '../../../src/shared/job-types';
import { useJobPanel } from '../../../src/renderer/state/job-store';

const event = (tenantId: string, status: JobProgressEvent['status'], extra: Partial<JobProgressEvent> = {}): JobProgressEvent => ({
  jobId: 'j1',
  kind: 'link-all',
  tenantId,
  tenantName: tenantId.toUpperCase(),
  step: 'link',
  status,
  done: 1,
  total: 3,
  ...extra,
});

const summary = { jobId: 'j1', kind: 'link-all' as const, total: 3, problems: [], outcomes: {}, cancelled: true, startedAt: '', finishedAt: '' };
const counts = { running: 0, done: 1, failed: 0, skipped: 0, 'needs-sign-in': 0, 'needs-confirmation': 0, cancelled: 2 };

describe('bulk-work panel state', () => {
  beforeEach(() => useJobPanel.setState({ job: null, open: false, held: false }));

  it('opens with every tenant waiting, fills rows as tasks report, and marks the ones a cancel stopped', () => {
    const panel = useJobPanel.getState();
    panel.begin('j1', 'link-all', [
      { tenantId: 'a', name: 'A' },
      { tenantId: 'b', name: 'B' },
      { tenantId: 'c', name: 'C' },
    ]);
    expect(useJobPanel.getState().open).toBe(true);
    expect(useJobPanel.getState().job?.rows.map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
    panel.progress(event('a', 'done', { outcome: 'linked' }));
    panel.progress(event('b', 'running'));
    panel.finish({ ...summary, counts });
    expect(useJobPanel.getState().job?.rows.map((r) => [r.tenantId, r.status, r.outcome])).toEqual([
      ['a', 'done', 'linked'],
      ['b', 'cancelled', null],
      ['c', 'cancelled', null],
    ]);
  });

  it('keeps the rows that reported before the window learnt the job had started', () => {
    const panel = useJobPanel.getState();
    panel.progress(event('b', 'needs-sign-in', { message: 'Sign in again' }));
    panel.begin('j1', 'link-all', [
      { tenantId: 'a', name: 'A' },
      { tenantId: 'b', name: 'B' },
    ]);
    expect(useJobPanel.getState().job?.rows.map((r) => [r.tenantId, r.status])).toEqual([
      ['a', 'queued'],
      ['b', 'needs-sign-in'],
    ]);
  });

  it("stays put away while a tenant's detail is open, whether a job starts or reports, and opens when asked", () => {
    const panel = useJobPanel.getState();
    panel.begin('j1', 'link-all', [{ tenantId: 'a', name: 'A' }]);
    panel.hold(true);
    expect(useJobPanel.getState().open).toBe(false);
    panel.begin('j2', 'sync', [{ tenantId: 'a', name: 'A' }]);
    panel.progress(event('b', 'running', { jobId: 'j3' }));
    expect(useJobPanel.getState()).toMatchObject({ open: false, job: { jobId: 'j3' } });
    panel.hold(false);
    expect(useJobPanel.getState().open).toBe(false);
    panel.setOpen(true);
    expect(useJobPanel.getState().open).toBe(true);
  });
});
