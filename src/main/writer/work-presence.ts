/** Which processes work in the data folder: jobs (sync, link all) and CLI commands hold a lease while they run, and "forget everything" is refused while another's lease or writer lock lives. */
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../shared/result';
import type { WorkLeaseRepo } from '../inventory/work-lease-repo';
import type { LockHolder, WriterLockRepo } from '../inventory/writer-lock-repo';
import { isDeadHere, ownerKey, thisProcess } from './process-owner';
import { HEARTBEATS_PER_STALE, signOfLife, STALE_MS } from './writer-lock';

export interface WorkPresenceOptions {
  leases: WorkLeaseRepo;
  writerLock: WriterLockRepo;
  /** How this process is named to another one ("The pal-desk CLI"). */
  holder: string;
  /** How long a holder on another machine may stay silent before it no longer counts (default STALE_MS). */
  staleMs?: number;
  now?: () => number;
}

interface Someone {
  holder: string;
  pid: number;
  host: string;
  since: string;
  /** What it does, in words: "has been making changes", "has been syncing". */
  doing: string;
}

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const DOING: Record<string, string> = { sync: 'has been syncing', 'link-all': 'has been linking every tenant', command: 'has been running a command' };

export class WorkPresence {
  readonly #o: WorkPresenceOptions;
  readonly #me = thisProcess();
  /** This process's services on the folder (one process may open it more than once, as tests do). */
  readonly #owner = `${ownerKey(this.#me)}:${randomUUID()}`;
  readonly #staleMs: number;
  readonly #works: string[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(options: WorkPresenceOptions) {
    this.#o = options;
    this.#staleMs = options.staleMs ?? STALE_MS;
  }

  /** Holds this process's lease while `work` runs; returns the function that ends it (the lease goes with the last one). */
  enter(work: string): () => void {
    this.#works.push(work);
    this.#o.leases.take({ owner: this.#owner, holder: this.#o.holder, work, ...this.#me });
    if (!this.#timer) {
      this.#timer = setInterval(() => signOfLife(() => this.#o.leases.heartbeat(this.#owner)), this.#staleMs / HEARTBEATS_PER_STALE);
      this.#timer.unref();
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#works.splice(this.#works.indexOf(work), 1);
      const still = this.#works.at(-1);
      if (still) return this.#o.leases.take({ owner: this.#owner, holder: this.#o.holder, work: still, ...this.#me });
      if (this.#timer) clearInterval(this.#timer);
      this.#timer = null;
      this.#o.leases.release(this.#owner);
    };
  }

  /**
   * Fails with 'writer-busy' when another process works in the folder: it holds the writer lock or a lease and still runs here
   * (however long it has been paused: what it writes next would outlive the forget), or, on another machine, showed a sign of
   * life within the staleness period. `then` says what was not done and what to do.
   */
  assertNobodyElse(then: string): void {
    const other = this.#others()[0];
    if (!other) return;
    throw new AppFailure(
      'writer-busy',
      `${other.holder} (process ${other.pid} on ${other.host}) ${other.doing} in this data folder since ${hhmm(other.since)}. ${then}`,
      { holder: other.holder, pid: other.pid, host: other.host, since: other.since },
    );
  }

  #others(): Someone[] {
    const now = this.#o.now?.() ?? Date.now();
    const alive = (h: Pick<LockHolder, 'pid' | 'host' | 'heartbeat'>) => (h.host === this.#me.host ? !isDeadHere(h) : now - Date.parse(h.heartbeat) <= this.#staleMs);
    const mine = (h: Pick<LockHolder, 'pid' | 'host'>) => h.pid === this.#me.pid && h.host === this.#me.host;
    const lock = this.#o.writerLock.current();
    const writing = lock && !mine(lock) && alive(lock) ? [{ ...lock, doing: 'has been making changes' }] : [];
    const working = this.#o.leases
      .list()
      .filter((l) => l.owner !== this.#owner && alive(l))
      .map((l) => ({ ...l, doing: DOING[l.work] ?? 'has been working' }));
    return [...writing, ...working];
  }
}
