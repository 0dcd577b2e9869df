import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/result';
import type { CollectContext, Collector } from '../../../src/main/sync/collector';
import { collectWithRetry } from '../../../src/main/sync/collector-retry';

const contextOf = (signal: AbortSignal): CollectContext => ({ tenantId: 't', label: 'Contoso', accounts: [], signal, attempt: 1, step: () => undefined });
/** A collector that fails with `failure` on every run and counts its runs. */
const failing = (failure: () => AppFailure, onRun: () => void = () => undefined) => {
  const runs = { count: 0 };
  const collector: Collector = {
    name: 'flows',
    facts: 'flows',
    service: 'Power Automate',
    collect: () => {
      runs.count += 1;
      onRun();
      return Promise.reject(failure());
    },
  };
  return { collector, runs };
};
const run = () => ({ setAttempt: () => undefined, givenUp: new WeakSet<AppFailure>() });

describe('running one collector again', () => {
  it('ends the wait for a throttled collector at once when the sync is cancelled', async () => {
    const controller = new AbortController();
    const retryAt = new Date(Date.now() + 30_000).toISOString();
    const { collector, runs } = failing(
      () => new AppFailure('throttled', 'Power Automate is throttling requests for Contoso.', { retryAt, service: 'Power Automate' }),
      () => setImmediate(() => controller.abort()),
    );
    const started = performance.now();
    await expect(collectWithRetry(collector, contextOf(controller.signal), run())).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(runs.count).toBe(1);
  });

  it('runs a collector whose service keeps failing three times in all, then keeps its failure for the stale mark with no time to wait for', async () => {
    const { collector, runs } = failing(() => new AppFailure('service-unavailable', 'Power Automate had a problem (HTTP 503) in Contoso. Try again in a few minutes.'));
    const result = await collectWithRetry(collector, contextOf(new AbortController().signal), run());
    expect(runs.count).toBe(3);
    expect(result).toMatchObject({ code: 'service-unavailable', message: 'Power Automate had a problem (HTTP 503) in Contoso. Try again in a few minutes.' });
    expect(result).not.toHaveProperty('notBefore');
  });

  it("does not sit out PAL Desk's own Power BI budget window: one run, the facts stale with the budget's words and its time", async () => {
    const retryAt = new Date(Date.now() + 20_000).toISOString();
    const message = 'Power BI allows 5 admin dataset reads a minute for Contoso; PAL Desk reads them again after 14:05:00. Until then the datasets shown are from the last sync.';
    const { collector, runs } = failing(() => new AppFailure('throttled', message, { retryAt, budget: true }));
    const started = performance.now();
    const result = await collectWithRetry(collector, contextOf(new AbortController().signal), run());
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(runs.count).toBe(1);
    expect(result).toMatchObject({ code: 'throttled', message, notBefore: retryAt });
  });

  it('runs a collector once when its answer was not the API\'s (a sign-in page, a list PAL Desk stopped reading): at once it would end the same way', async () => {
    const message = 'A sign-in page or proxy answered instead of Power Automate for Contoso: sign in to the network (open any web page in your browser), then try again.';
    const { collector, runs } = failing(() => new AppFailure('service-unavailable', message, { final: true }));
    const result = await collectWithRetry(collector, contextOf(new AbortController().signal), run());
    expect(runs.count).toBe(1);
    expect(result).toMatchObject({ code: 'service-unavailable', message });
  });
});
