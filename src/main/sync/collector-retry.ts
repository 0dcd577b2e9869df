/** Runs one collector of a tenant's sync, running it alone again when its service throttles or fails: after the service's own Retry-After within a cap, else with a short backoff; beyond the cap its facts stay stale until the time the service gave. */
import { setTimeout as pause } from 'node:timers/promises';
import { AppFailure } from '../../shared/result';
import type { Collected, CollectContext, Collector } from './collector';

/** Runs of one collector per sync: the first and up to two more after a throttled or failing answer. */
export const COLLECTOR_ATTEMPTS = 3;
/**
 * The longest Retry-After a sync waits out for one collector (the HTTP pipeline's own cap). Beyond it the collector is not run
 * again: Power BI's admin APIs, for one, answer 429 with Retry-After of up to an hour (`powerbi-rest.swagger.json`, 50 calls an hour).
 */
export const WAIT_CAP_MS = 60_000;
/** First backoff when the service says nothing about waiting; doubled on each run. */
const BACKOFF_MS = 250;

/** Why a collector has no new facts: the failure for its stale mark, and the time its service allows the next call (when it asked). */
export interface CollectorFailure {
  failure: AppFailure;
  code: string;
  message: string;
  notBefore?: string;
}

export interface CollectRun {
  /** Sets the attempt the context reports (1 on a collector's first run). */
  setAttempt(attempt: number): void;
  /** Failures already given up on in this sync: a collector that meets the same one (a shared read, e.g. the environments) is not run again. */
  givenUp: WeakSet<AppFailure>;
}

const RETRIED = new Set(['throttled', 'service-unavailable']);

/** The time the failure's service allows the next call, in ms since the epoch (set by the HTTP pipeline from Retry-After). */
const retryAtOf = (failure: AppFailure): number | undefined => {
  const at = failure.detail?.retryAt;
  const ms = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

/** The collector's facts, or why it has none; an unexpected error or a cancel is thrown. */
export async function collectWithRetry(collector: Collector, ctx: CollectContext, run: CollectRun): Promise<{ collected: Collected } | CollectorFailure> {
  for (let attempt = 1; ; attempt++) {
    run.setAttempt(attempt);
    try {
      return { collected: await collector.collect(ctx) };
    } catch (error) {
      if (!(error instanceof AppFailure) || ctx.signal.aborted) throw error;
      // A final failure (an answer that is not the API's, a list PAL Desk stopped reading) would end the same way at once.
      const wait = run.givenUp.has(error) || error.detail?.final === true ? undefined : waitBeforeRetry(error, attempt, Date.now());
      if (wait === undefined) {
        run.givenUp.add(error);
        return failureOf(collector, error, Date.now());
      }
      try {
        await pause(wait, undefined, { signal: ctx.signal });
      } catch {
        throw new AppFailure('cancelled', 'Cancelled');
      }
    }
  }
}

/** How long to wait before running the collector again, or undefined when it is not run again (another kind of failure, the service's wait beyond the cap, or no runs left). */
function waitBeforeRetry(failure: AppFailure, attempt: number, now: number): number | undefined {
  if (!RETRIED.has(failure.code) || attempt >= COLLECTOR_ATTEMPTS) return undefined;
  const retryAt = retryAtOf(failure);
  if (retryAt === undefined) return BACKOFF_MS * 2 ** attempt;
  // PAL Desk's own budget (Power BI's admin calls, shared with every process on the data folder): a sync does not sit out its
  // window, it keeps the facts stale until then and the next sync reads them.
  if (failure.detail?.budget === true) return undefined;
  const wait = retryAt - now;
  return wait > WAIT_CAP_MS ? undefined : Math.max(0, wait);
}

/** The stale mark: a throttled collector says in words who asked to wait and when PAL Desk reads again, and keeps that time. */
function failureOf(collector: Collector, failure: AppFailure, now: number): CollectorFailure {
  const retryAt = retryAtOf(failure);
  if (failure.code !== 'throttled' || retryAt === undefined || retryAt <= now) return { failure, code: failure.code, message: failure.message };
  const service = failure.detail?.service;
  // A failure PAL Desk raised itself (Power BI's admin budget) names no service and already says when it reads again.
  const message =
    typeof service === 'string'
      ? `${service} asked PAL Desk to wait: ${collector.facts} are from the last sync; PAL Desk reads them again after ${timeWords(retryAt, now)}.`
      : failure.message;
  return { failure, code: failure.code, message, notBefore: new Date(retryAt).toISOString() };
}

/** "14:05" (the minute rounded up, so "after" holds), with the date when it is not within the day. */
function timeWords(at: number, now: number): string {
  const minute = new Date(Math.ceil(at / 60_000) * 60_000);
  return at - now < 20 * 3_600_000
    ? minute.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
    : minute.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
