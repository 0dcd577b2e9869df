/** The data folder's single-writer lock, kept in the shared inventory: who holds it, since when, and their last sign of life. */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './transaction';

export interface LockHolder {
  /** What holds it, as a person would name it ("PAL Desk app", "pal-desk CLI"). */
  holder: string;
  pid: number;
  host: string;
  since: string;
  heartbeat: string;
}

export type LockAttempt = { acquired: true } | { acquired: false; holder: LockHolder };

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

  /** Takes the lock for `me` unless a live process holds it; `isGone` says whether a recorded holder can be taken over. */
  tryAcquire(me: Pick<LockHolder, 'holder' | 'pid' | 'host'>, isGone: (holder: LockHolder) => boolean): LockAttempt {
    return inTransaction(this.#db, (): LockAttempt => {
      const current = this.#db.prepare('SELECT holder, pid, host, since, heartbeat FROM writer_lock WHERE id = 1').get() as LockHolder | undefined;
      const mine = current?.pid === me.pid && current.host === me.host;
      if (current && !mine && !isGone(current)) return { acquired: false, holder: { ...current } };
      const now = this.#now().toISOString();
      this.#db
        .prepare(
          `INSERT INTO writer_lock (id, holder, pid, host, since, heartbeat) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, host = excluded.host, since = excluded.since, heartbeat = excluded.heartbeat`,
        )
        .run(me.holder, me.pid, me.host, mine && current ? current.since : now, now);
      return { acquired: true };
    });
  }

  /** Never throws: it runs on a timer, where an error would end the process. */
  heartbeat(pid: number, host: string): void {
    try {
      this.#db.prepare('UPDATE writer_lock SET heartbeat = ? WHERE id = 1 AND pid = ? AND host = ?').run(this.#now().toISOString(), pid, host);
    } catch (error) {
      this.#onError(error);
    }
  }

  /** Never throws: it runs when work ends (in `finally`, after a job), where an error would hide the work's own answer or end the process. */
  release(pid: number, host: string): void {
    try {
      this.#db.prepare('DELETE FROM writer_lock WHERE id = 1 AND pid = ? AND host = ?').run(pid, host);
    } catch (error) {
      this.#onError(error);
    }
  }
}
