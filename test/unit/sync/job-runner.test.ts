import { describe, expect, it } from 'vitest';
import type { JobProgressEvent } from '../../../src/shared/job-types';
import { AppFailure } from '../../../src/shared/result';
import { JobRunner } from '../../../src/main/sync/job-runner';

/** A promise the test resolves by hand, so concurrency is observed without timers. */
const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('job runner', () => {
  it('never runs more tasks at once than the concurrency allows', async () => {
    let active = 0;
    let peak = 0;
    const runner = new JobRunner(() => {});
    const gates = Array.from({ length: 6 }, deferred);
    const job = runner.start('sync', ['a', 'b', 'c', 'd', 'e', 'f'], async (id) => {
      active += 1;
      peak = Math.max(peak, active);
      await gates['abcdef'.indexOf(id)]!.promise;
      active -= 1;
      return { status: 'done' };
    }, { concurrency: 2 });
    for (const gate of gates) {
      await Promise.resolve();
      gate.resolve();
    }
    const summary = await job.done;
    expect(peak).toBe(2);
    expect(summary.counts.done).toBe(6);
  });

  it('reports each tenant and step, and counts outcomes by kind', async () => {
    const events: JobProgressEvent[] = [];
    const runner = new JobRunner((e) => events.push(e));
    const job = runner.start('link-all', ['t1', 't2', 't3'], async (id, ctx) => {
      ctx.step('read-link');
      if (id === 't2') return { status: 'needs-sign-in', message: 'Sign in to t2' };
      if (id === 't3') throw new AppFailure('throttled', 'Azure is throttling t3');
      return { status: 'done' };
    }, { concurrency: 1 });
    const summary = await job.done;
    expect(summary.counts).toMatchObject({ done: 1, 'needs-sign-in': 1, failed: 1 });
    expect(events.filter((e) => e.status === 'running').map((e) => `${e.tenantId}:${e.step}`)).toEqual(['t1:read-link', 't2:read-link', 't3:read-link']);
    expect(events.find((e) => e.tenantId === 't3' && e.status === 'failed')?.message).toBe('Azure is throttling t3');
    expect(events.at(-1)).toMatchObject({ done: 3, total: 3 });
  });

  it('lists in its summary every tenant that did not end done, by name, with what happened and why', async () => {
    const runner = new JobRunner(() => {});
    const names: Record<string, string> = { t1: 'Contoso', t2: 'Tailspin Toys', t3: 'Fabrikam', t4: 'Litware' };
    const job = runner.start('link-all', ['t1', 't2', 't3', 't4'], async (id) => {
      if (id === 't2') return { status: 'needs-sign-in', message: 'Sign in to Tailspin Toys again to continue.' };
      if (id === 't3') throw new AppFailure('access-denied', 'Fabrikam refused the link.');
      if (id === 't4') return { status: 'skipped', message: 'Queued until Azure is reachable' };
      return { status: 'done' };
    }, { concurrency: 1, label: (id) => names[id] ?? id });
    const summary = await job.done;
    expect(summary.problems).toEqual([
      { tenantId: 't2', tenantName: 'Tailspin Toys', status: 'needs-sign-in', message: 'Sign in to Tailspin Toys again to continue.' },
      { tenantId: 't3', tenantName: 'Fabrikam', status: 'failed', message: 'Fabrikam refused the link.', code: 'access-denied' },
      { tenantId: 't4', tenantName: 'Litware', status: 'skipped', message: 'Queued until Azure is reachable' },
    ]);
  });

  it('counts what each task did, and names the tenant and the other partner on the event that ends its task', async () => {
    const events: JobProgressEvent[] = [];
    const runner = new JobRunner((e) => events.push(e));
    const job = runner.start('link-all', ['a', 'b', 'c', 'd'], async (id) => {
      if (id === 'c') return { status: 'needs-confirmation', message: 'Partner ID 7654321 is linked', otherPartnerId: '7654321' };
      if (id === 'd') return { status: 'skipped', message: 'Queued until Azure is reachable', outcome: 'queued' };
      return { status: 'done', outcome: id === 'a' ? 'linked' : 'already-linked' };
    }, { concurrency: 1, label: (id) => `Tenant ${id.toUpperCase()}` });
    const summary = await job.done;
    expect(summary.outcomes).toEqual({ linked: 1, 'already-linked': 1, queued: 1 });
    expect(events.find((e) => e.tenantId === 'c')).toMatchObject({ tenantName: 'Tenant C', status: 'needs-confirmation', otherPartnerId: '7654321' });
    expect(events.find((e) => e.tenantId === 'a')).toMatchObject({ tenantName: 'Tenant A', status: 'done', outcome: 'linked' });
  });

  it('cancels: running tasks see the abort and queued tasks never start', async () => {
    const runner = new JobRunner(() => {});
    const started: string[] = [];
    const gate = deferred();
    const job = runner.start('sync', ['a', 'b', 'c'], async (id, ctx) => {
      started.push(id);
      await gate.promise;
      if (ctx.signal.aborted) throw new Error('aborted');
      return { status: 'done' };
    }, { concurrency: 1 });
    await Promise.resolve();
    expect(runner.cancel(job.jobId)).toBe(true);
    gate.resolve();
    const summary = await job.done;
    expect(started).toEqual(['a']);
    expect(summary.cancelled).toBe(true);
    expect(summary.counts.cancelled).toBe(3);
    expect(runner.cancel(job.jobId)).toBe(false);
  });

  it('writes an error a task did not expect to the log it tells the person to read, naming the tenant and the step', async () => {
    const logged: { event: string; fields?: Record<string, unknown> }[] = [];
    const log = { info: () => {}, warn: () => {}, error: (event: string, fields?: Record<string, unknown>) => void logged.push({ event, fields }) };
    const runner = new JobRunner(() => {}, () => null, log);
    const job = runner.start('sync', ['t1', 't2'], async (id, ctx) => {
      ctx.step('save');
      if (id === 't1') throw new TypeError("Cannot read properties of undefined (reading 'id')");
      throw new AppFailure('offline', 'Azure could not be reached.');
    }, { concurrency: 1 });
    const summary = await job.done;
    expect(summary.problems.find((p) => p.tenantId === 't1')?.message).toBe('Unexpected error; see the log.');
    expect(logged).toEqual([{ event: 'job.task-failed', fields: { kind: 'sync', tenantId: 't1', step: 'save', error: "TypeError: Cannot read properties of undefined (reading 'id')" } }]);
  });
});
