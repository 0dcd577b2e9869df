/** Sends the offline queue when Azure is reachable again: one action at a time, same checks as a click, stop at the first offline answer. */
import { AppFailure } from '../../shared/result';
import type { Logger } from '../logger';
import { NEEDS_SIGN_IN } from '../auth/auth-errors';
import type { QueuedAction } from '../domain/pending-action';
import { RETRYABLE_CODES } from './pal-service';

export interface QueueStore {
  /** Atomically takes the queued action least recently touched and marks it running, or null when the queue is empty. */
  claimNext(): QueuedAction | null;
  /** Puts a running action back at the end of the queue with the reason it could not be sent yet. */
  requeue(actionId: string, message: string): void;
  /** Ends an action that can never succeed as it is (e.g. the sign-in is gone), with the reason. */
  fail(actionId: string, message: string): void;
}

export interface QueueReplayerDeps {
  store: QueueStore;
  replay(action: QueuedAction): Promise<void>;
  onChange(): void;
  log: Logger;
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

  /** Retries every `intervalMs` (and once now); `stop()` ends it. */
  start(intervalMs: number): void {
    void this.drain();
    this.#timer ??= setInterval(() => void this.drain(), intervalMs);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  async #drain(): Promise<number> {
    let settled = 0;
    const waiting = new Set<string>();
    for (let action = this.#deps.store.claimNext(); action; action = this.#deps.store.claimNext()) {
      if (waiting.has(action.id)) {
        this.#deps.store.requeue(action.id, 'Waiting for sign-in.');
        return settled;
      }
      try {
        await this.#deps.replay(action);
        settled += 1;
      } catch (error) {
        const failure = error instanceof AppFailure ? error : null;
        const message = failure?.message ?? 'Unexpected error while sending a queued action.';
        if (failure && RETRYABLE_CODES.has(failure.code)) {
          this.#deps.store.requeue(action.id, message);
          this.#deps.onChange();
          return settled;
        }
        if (failure && NEEDS_SIGN_IN.has(failure.code)) {
          waiting.add(action.id);
          this.#deps.store.requeue(action.id, message);
          continue;
        }
        this.#deps.log.warn('queue.action-failed', { actionId: action.id, code: failure?.code ?? 'internal' });
        this.#deps.store.fail(action.id, message);
        settled += 1;
      }
      this.#deps.onChange();
    }
    return settled;
  }
}
