/**
 * One writer per data folder: link, unlink, link all and queue replay run under an exclusive lock shared by the app, the browser
 * host and the CLI. The lock is fenced: each acquisition gets a new generation, and every intent and audit write checks in its
 * own transaction that this process's generation is still the current one, so a holder that lost the lock writes nothing.
 */
import { AppFailure } from '../../shared/result';
import type { Fence, LockHolder, WriterLockRepo } from '../inventory/writer-lock-repo';
import { isDeadHere, thisProcess } from './process-owner';

/**
 * A holder silent for this long is taken over: on another machine (a data folder on a network share), and on this one too while
 * its process still exists. Such a process is stopped (Ctrl+Z, a debugger) or its pid was reused after a crash; refusing to take
 * over would leave every change blocked until someone finds it. The fence makes the take-over safe: if it resumes, it stops with
 * 'writer-lost' before its next write.
 */
export const STALE_MS = 2 * 60_000;
/** A holder shows a sign of life this many times per staleness period. */
export const HEARTBEATS_PER_STALE = 8;
const POLL_MS = 250;

export interface WriterLockOptions {
  repo: WriterLockRepo;
  /** How this process is named to another one that finds the lock taken. */
  holder: string;
  /** Wait for the lock instead of failing when another process holds it (the CLI's --wait). */
  wait?: boolean;
  now?: () => number;
  /** How long a holder may stay silent before another process takes the lock over (default STALE_MS; tests shorten it). */
  staleMs?: number;
}

export class WriterLock {
  readonly #o: WriterLockOptions;
  readonly #me = thisProcess();
  readonly #staleMs: number;
  #depth = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  /** Who held the lock at the last failed attempt. */
  #busyWith: LockHolder | null = null;
  /** The generation this process acquired the lock with (null while it does not hold it). */
  #generation: number | null = null;

  constructor(options: WriterLockOptions) {
    this.#o = options;
    this.#staleMs = options.staleMs ?? STALE_MS;
  }

  /** Runs write work under the lock (re-entrant within this process); fails with 'writer-busy', or waits with `wait`, when another process holds it. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.hold(signal);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** True while write work of this process holds the lock. */
  get held(): boolean {
    return this.#depth > 0;
  }

  /** The token every intent and audit write shows; one that was never issued (-1) when this process does not hold the lock. */
  fence(): Fence {
    return { generation: this.#generation ?? -1 };
  }

  /** Throws 'writer-lost' when another process took the lock over while this one was paused (bulk work checks before each tenant). */
  assertHeld(): void {
    this.#o.repo.assertCurrent(this.fence());
  }

  /** Takes the lock (or waits for it with `wait`) and returns the function that gives it back. */
  async hold(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      const release = this.tryHold();
      if (release) return release;
      if (!this.#o.wait && this.#busyWith) throw busy(this.#busyWith);
      if (signal?.aborted) throw new AppFailure('cancelled', 'Cancelled while waiting for the other PAL Desk process to finish.');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Takes the lock only if it is free now; returns the release function, or null (background work waits for its next turn). */
  tryHold(): (() => void) | null {
    if (this.#depth === 0) {
      const attempt = this.#take();
      this.#busyWith = attempt.acquired ? null : attempt.holder;
      if (!attempt.acquired) return null;
      this.#generation = attempt.generation;
      this.#startHeartbeat();
    }
    this.#depth += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#releaseOne();
    };
  }

  #take() {
    const now = this.#o.now?.() ?? Date.now();
    return this.#o.repo.tryAcquire({ holder: this.#o.holder, ...this.#me }, (h) => isDeadHere(h) || now - Date.parse(h.heartbeat) > this.#staleMs);
  }

  #startHeartbeat(): void {
    const fence = this.fence();
    this.#timer = setInterval(() => signOfLife(() => this.#o.repo.heartbeat(fence)), this.#staleMs / HEARTBEATS_PER_STALE);
    this.#timer.unref();
  }

  #releaseOne(): void {
    this.#depth -= 1;
    if (this.#depth > 0) return;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#o.repo.release(this.fence());
    this.#generation = null;
  }
}

/** Records a sign of life from a timer: a busy or closed database misses this one (the next makes up for it) instead of ending the process. */
export function signOfLife(beat: () => unknown): void {
  try {
    beat();
  } catch {
    // Nothing to do: a holder misses a sign of life only when many in a row fail, and then another process may take over safely.
  }
}

function busy(h: LockHolder): AppFailure {
  const since = new Date(h.since).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return new AppFailure(
    'writer-busy',
    `${h.holder} (process ${h.pid} on ${h.host}) has been making changes in this data folder since ${since}. Nothing was changed; try again when it has finished.`,
    { holder: h.holder, pid: h.pid, host: h.host, since: h.since },
  );
}
