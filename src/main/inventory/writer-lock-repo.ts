/** The data folder's single-writer lock, kept in the shared inventory: who holds it, since when, their last sign of life, and its generation (fencing token). */
import type { DatabaseSync } from 'node:sqlite';
import { AppFailure } from '../../shared/result';
import { inTransaction } from './transaction';

export interface LockHolder {
  /** What holds it, as a person would name it ("PAL Desk app", "pal-desk CLI"). */
  holder: string;
  pid: number;
  host: string;
  since: string;
  heartbeat: string;
  /** Raised on every acquisition by another process: a holder whose generation is no longer the current one has lost the lock. */
  generation: number;
}

/** What a writer shows to write: the generation it acquired the lock with (checked in the transaction of every intent and audit write). */
export interface Fence {
  generation: number;
}

export type LockAttempt = { acquired: true; generation: number } | { acquired: false; holder: LockHolder };

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

type Taker = Pick<LockHolder, 'holder' | 'pid' | 'host' | 'since'>;

/** The failure of a writer that lost the lock while it was paused (Ctrl+Z, a debugger, a laptop asleep) to `taker`: it writes nothing more. */
export function writerLost(taker: Taker | null): AppFailure {
  const who = taker ? ` (${taker.holder}, process ${taker.pid} on ${taker.host}, since ${hhmm(taker.since)})` : '';
  return new AppFailure(
    'writer-lost',
    `Someone else is writing in this data folder${who} — this process was paused too long and lost its turn to it, so it stopped before changing anything more. Try again when the other has finished.`,
    taker ? { holder: taker.holder, pid: taker.pid, host: taker.host, since: taker.since } : undefined,
  );
}

export class WriterLockRepo {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;

  /** `onError` hears a heartbeat or release the file refused (busy, damaged): the next beat tries again, a lock left behind goes stale. */
  constructor(db: DatabaseSync, now: () => Date, onError: (error: unknown) => void = () => {}) {
    this.#db = db;
    this.#now = now;
    this.#onError = onError;
  }

  /**
   * Takes the lock for `me` unless a live process holds it; `isGone` says whether a recorded holder can be taken over. Every
   * acquisition from another holder gets the next generation, so the one it replaced is fenced off.
   */
  tryAcquire(me: Pick<LockHolder, 'holder' | 'pid' | 'host'>, isGone: (holder: LockHolder) => boolean): LockAttempt {
    return inTransaction(this.#db, (): LockAttempt => {
      const current = this.current();
      const mine = current?.pid === me.pid && current.host === me.host;
      if (current && !mine && !isGone(current)) return { acquired: false, holder: current };
      const now = this.#now().toISOString();
      const generation = mine && current ? current.generation : this.#nextGeneration(me, now);
      this.#db
        .prepare(
          `INSERT INTO writer_lock (id, holder, pid, host, since, heartbeat, generation) VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, host = excluded.host, since = excluded.since,
             heartbeat = excluded.heartbeat, generation = excluded.generation`,
        )
        .run(me.holder, me.pid, me.host, mine && current ? current.since : now, now, generation);
      return { acquired: true, generation };
    });
  }

  /** The holder now, or null when the lock is free. */
  current(): LockHolder | null {
    const row = this.#db.prepare('SELECT holder, pid, host, since, heartbeat, generation FROM writer_lock WHERE id = 1').get() as LockHolder | undefined;
    return row ? { ...row } : null;
  }

  /** Throws 'writer-lost' (naming the holder now, or the last one to take the lock) unless `fence` is the current generation; call it inside the transaction of the write it guards. */
  assertCurrent(fence: Fence): void {
    const current = this.current();
    if (current?.generation === fence.generation) return;
    const last = this.#db.prepare('SELECT holder, pid, host, since FROM writer_generation WHERE id = 1 AND holder IS NOT NULL').get() as Taker | undefined;
    throw writerLost(current ?? (last ? { ...last } : null));
  }

  /**
   * Records a sign of life; false when the lock is no longer this generation's. Never throws: it runs on a timer, where an error
   * would end the process (a beat the file refused counts as given; the next one tries again).
   */
  heartbeat(fence: Fence): boolean {
    try {
      return this.#db.prepare('UPDATE writer_lock SET heartbeat = ? WHERE id = 1 AND generation = ?').run(this.#now().toISOString(), fence.generation).changes > 0;
    } catch (error) {
      this.#onError(error);
      return true;
    }
  }

  /**
   * Frees the lock if this generation still holds it (a holder that lost it leaves the new one alone). Never throws: it runs when
   * work ends (in `finally`, after a job), where an error would hide the work's own answer or end the process.
   */
  release(fence: Fence): void {
    try {
      this.#db.prepare('DELETE FROM writer_lock WHERE id = 1 AND generation = ?').run(fence.generation);
    } catch (error) {
      this.#onError(error);
    }
  }

  /** The next generation, recorded with who took it (named to a holder that lost the lock after the taker has finished). */
  #nextGeneration(me: Pick<LockHolder, 'holder' | 'pid' | 'host'>, now: string): number {
    return (
      this.#db
        .prepare('UPDATE writer_generation SET last = last + 1, holder = ?, pid = ?, host = ?, since = ? WHERE id = 1 RETURNING last')
        .get(me.holder, me.pid, me.host, now) as { last: number }
    ).last;
  }
}
