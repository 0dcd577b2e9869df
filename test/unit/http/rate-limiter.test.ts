import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostRateLimiter } from '../../../src/main/http/rate-limiter';

describe('per-host rate limiter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const granted = (limiter: HostRateLimiter, host: string, count: number) => {
    const log: number[] = [];
    for (let i = 0; i < count; i++) void limiter.acquire(host).then(() => log.push(i));
    return log;
  };

  it('lets a burst through at once, then spaces requests at the sustained rate', async () => {
    const limiter = new HostRateLimiter({ perSecond: 10, burst: 3 }, () => Date.now());
    const log = granted(limiter, 'management.azure.com', 6);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual([0, 1, 2, 3]);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps a separate budget for each host', async () => {
    const limiter = new HostRateLimiter({ perSecond: 1, burst: 1 }, () => Date.now());
    const arm = granted(limiter, 'management.azure.com', 2);
    const bap = granted(limiter, 'api.bap.microsoft.com', 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(arm).toEqual([0]);
    expect(bap).toEqual([0]);
  });

  it('serves waiting requests in the order they asked', async () => {
    const limiter = new HostRateLimiter({ perSecond: 100, burst: 1 }, () => Date.now());
    const log = granted(limiter, 'h', 5);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual([0, 1, 2, 3, 4]);
  });
});
