/** Sends the offline queue when Azure is reachable again: one action at a time, same checks as a click, stop at the first offline answer. */
import { AppFailure } from '../../shared/result';
import type { Logger } from '../logger';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import type { QueuedAction } from '../domain/pending-action';
import { isDeadHere, ownerKey, parseOwnerKey, thisProcess } from '../writer/process-owner';
import type { WriterLock } from '../writer/writer-lock';
import { holdUntil, RETRYABLE_CODES } from './pal-service';

export interface QueueStore {
  /** Atomically takes the queued action least recently touched that may be sent now, leased to `owner`; null when none is due. */
  claimNext(owner: string, leaseMs: number): QueuedAction | null;
  /** Puts a running action back at the end of the queue with the reason it could not be sent yet (and when Azure said to retry). */
  requeue(actionId: string, message: string, notBefore?: string | null): void;
  /** Puts back in the queue the actions whose lease owner is gone or whose lease ran out. */
  recoverAbandoned(isGone: (owner: string | null) => boolean): number;
  /** Ends an action that can never succeed as it is (e.g. the sign-in is gone), with the reason. */
  fail(actionId: string, message: string): void;
}

/** How long a claimed action stays ours without news (a replay is bounded by the calls' timeouts, well below this). */
const LEASE_MS = 10 * 60_000;

export interface QueueReplayerDeps {
  store: QueueStore;
  /** The data folder's writer lock: the queue is sent only by the process that holds it. */
  writer: Pick<WriterLock, 'tryHold'>;
  replay(action: QueuedAction): Promise<void>;
  onChange(): void;
  log: Logger;
  /** Hears how each timed turn ended (null: it went through): a busy or damaged inventory is said there, never thrown from the timer. */
  onTimedTurn?(error: unknown): void;
}

export class QueueReplayer {
  readonly #deps: QueueReplayerDeps;
  #running: Promise<number> | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(deps: QueueReplayerDeps) {
    this.#deps = deps;
  }

  /** Replays queued actions until the queue is empty or Azure is unreachable; returns how many were settled. */
  drain(): Promise<number> {
    this.#running ??= this.#drain().finally(() => (this.#running = null));
    return this.#running;
  }

  /** Retries every `intervalMs` (and once now); `stop()` ends it. A turn's failure goes to `onTimedTurn`: a timer that throws ends the process. */
  start(intervalMs: number): void {
    void this.#timedTurn();
    this.#timer ??= setInterval(() => void this.#timedTurn(), intervalMs);
  }

  async #timedTurn(): Promise<void> {
    try {
      await this.drain();
      this.#deps.onTimedTurn?.(null);
    } catch (error) {
      if (this.#deps.onTimedTurn) this.#deps.onTimedTurn(error);
      else this.#deps.log.error('queue.turn-failed', { error: error instanceof Error ? error.name : typeof error });
    }
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  async #drain(): Promise<number> {
    const release = this.#deps.writer.tryHold();
    if (!release) return 0;
    try {
      return await this.#drainHeld();
    } finally {
      release();
    }
  }

  async #drainHeld(): Promise<number> {
    const owner = ownerKey(thisProcess());
    const store = this.#deps.store;
    store.recoverAbandoned((key) => {
      const parsed = key ? parseOwnerKey(key) : null;
      return !parsed || isDeadHere(parsed);
    });
    let settled = 0;
    const waiting = new Set<string>();
    for (let action = store.claimNext(owner, LEASE_MS); action; action = store.claimNext(owner, LEASE_MS)) {
      if (waiting.has(action.id)) {
        store.requeue(action.id, 'Waiting for sign-in.');
        return settled;
      }
      try {
        await this.#deps.replay(action);
        settled += 1;
      } catch (error) {
        const failure = error instanceof AppFailure ? error : null;
        const message = failure?.message ?? 'Unexpected error while sending a queued action.';
        // Another process took the lock over while this one was paused: the action stays queued for the one writing now.
        if (failure && (RETRYABLE_CODES.has(failure.code) || failure.code === 'writer-lost')) {
          store.requeue(action.id, message, holdUntil(failure));
          this.#deps.onChange();
          return settled;
        }
        if (failure && NEEDS_SIGN_IN.has(failure.code)) {
          waiting.add(action.id);
          store.requeue(action.id, message);
          continue;
        }
        this.#deps.log.warn('queue.action-failed', { actionId: action.id, code: failure?.code ?? 'internal' });
        store.fail(action.id, message);
        settled += 1;
      }
      this.#deps.onChange();
    }
    return settled;
  }
}
