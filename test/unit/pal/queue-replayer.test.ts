import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/result';
import { silentLogger } from '../../../src/main/logger';
import type { QueuedAction } from '../../../src/main/domain/pending-action';
import { QueueReplayer, type QueueStore } from '../../../src/main/pal/queue-replayer';

/** A writer lock nobody else holds. */
const freeLock = { tryHold: () => () => undefined };

/** An in-memory queue with the store's ordering rule: least recently touched first. */
function memoryQueue(ids: string[]) {
  const queue: QueuedAction[] = ids.map((id) => ({ id, tenantId: `t-${id}`, identityId: null, kind: 'link', partnerId: '1234567', confirmReplaceOf: null }));
  const status = new Map(ids.map((id) => [id, 'queued']));
  const store: QueueStore = {
    claimNext: () => {
      const next = queue.find((a) => status.get(a.id) === 'queued');
      if (next) status.set(next.id, 'running');
      return next ?? null;
    },
    requeue: (id) => {
      status.set(id, 'queued');
      const i = queue.findIndex((a) => a.id === id);
      queue.push(...queue.splice(i, 1));
    },
    fail: (id) => void status.set(id, 'failed'),
    recoverAbandoned: () => 0,
  };
  return { store, status };
}

describe('offline queue replay', () => {
  it('sends every queued action once when Azure is reachable', async () => {
    const { store, status } = memoryQueue(['a', 'b', 'c']);
    const sent: string[] = [];
    const replayer = new QueueReplayer({ store, writer: freeLock, replay: async (a) => {
        sent.push(a.id);
        status.set(a.id, 'done');
      }, onChange: () => {}, log: silentLogger });
    expect(await replayer.drain()).toBe(3);
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(await replayer.drain()).toBe(0);
  });

  it('stops at the first offline answer and keeps that action and the rest queued', async () => {
    const { store, status } = memoryQueue(['a', 'b']);
    const replayer = new QueueReplayer({
      store,
      writer: freeLock,
      replay: async () => {
        throw new AppFailure('offline', 'Azure cannot be reached');
      },
      onChange: () => {},
      log: silentLogger,
    });
    expect(await replayer.drain()).toBe(0);
    expect([...status.values()]).toEqual(['queued', 'queued']);
  });

  it('lets other tenants go ahead while one waits for its sign-in', async () => {
    const { store, status } = memoryQueue(['a', 'b']);
    const replayer = new QueueReplayer({
      store,
      writer: freeLock,
      replay: async (a) => {
        if (a.id === 'a') throw new AppFailure('interaction-required', 'Sign in to t-a');
        status.set(a.id, 'done');
      },
      onChange: () => {},
      log: silentLogger,
    });
    expect(await replayer.drain()).toBe(1);
    expect(status.get('a')).toBe('queued');
    expect(status.get('b')).toBe('done');
  });

  it('fails an action that cannot succeed, and goes on with the next', async () => {
    const { store, status } = memoryQueue(['a', 'b']);
    const replayer = new QueueReplayer({
      store,
      writer: freeLock,
      replay: async (a) => {
        if (a.id === 'a') throw new AppFailure('access-denied', 'Not allowed');
        status.set(a.id, 'done');
      },
      onChange: () => {},
      log: silentLogger,
    });
    expect(await replayer.drain()).toBe(2);
    expect(status.get('a')).toBe('failed');
    expect(status.get('b')).toBe('done');
  });

  it('runs one drain at a time even when asked twice', async () => {
    const { store, status } = memoryQueue(['a']);
    let calls = 0;
    const replayer = new QueueReplayer({ store, writer: freeLock, replay: async (a) => {
        calls += 1;
        status.set(a.id, 'done');
      }, onChange: () => {}, log: silentLogger });
    const [first, second] = await Promise.all([replayer.drain(), replayer.drain()]);
    expect(first).toBe(1);
    expect(second).toBe(1);
    expect(calls).toBe(1);
  });

  it('reports a timed turn the inventory refused (busy) instead of throwing from its timer, and keeps turning', async () => {
    const { store } = memoryQueue(['a']);
    const locked = Object.assign(new Error('database is locked'), { code: 'ERR_SQLITE_ERROR', errcode: 5 });
    const turns: unknown[] = [];
    let wake: () => void = () => undefined;
    const thirdTurn = new Promise<void>((resolve) => (wake = resolve));
    const replayer = new QueueReplayer({
      store: { ...store, recoverAbandoned: () => { throw locked; } },
      writer: freeLock,
      replay: async () => {},
      onChange: () => {},
      log: silentLogger,
      onTimedTurn: (error) => {
        turns.push(error);
        if (turns.length === 3) wake();
      },
    });
    replayer.start(1);
    await thirdTurn;
    await replayer.stop();
    expect(turns.slice(0, 3)).toEqual([locked, locked, locked]);
  });
});
