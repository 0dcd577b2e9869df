/** Sync, link-all and throttling-storm benchmarks on a generated scenario with injected latency, through the real services. */
import type { JobSummary } from '../../src/shared/job-types';
import { guid } from '../sim/scenario';
import { generateScenario } from '../sim/generate';
import type { Faults } from '../sim';
import { appFixture } from '../integration/support/app-fixture';
import { startSimProcess, type SimProcess } from './sim-process';

export interface SyncBench {
  sim: SimProcess;
  run(kind: 'sync' | 'link-all', faults: Faults, tenantIds?: string[]): Promise<{ ms: number; summary: JobSummary; requests: number; throttled: number; peakRssMb: number }>;
  close(): Promise<void>;
}

/** A signed-in app tracking `tenants` customer tenants of a generated scenario (one interactive sign-in, the rest silent). */
export async function prepareSyncBench(options: {
  tenants: number;
  concurrency: number;
  linkedShare?: number;
  otherShare?: number;
  /** Power Platform resources of the generated tenants (none by default). */
  powerPlatform?: { resources: number; environmentsPerTenant: number; datasetsPerTenant: number };
}): Promise<SyncBench> {
  const sim = await startSimProcess(generateScenario({ tenants: options.tenants, linkedShare: options.linkedShare, otherShare: options.otherShare, ...options.powerPlatform }));
  const app = await appFixture(sim, { concurrency: options.concurrency });
  const first = await app.addAndSignIn('customer1.onmicrosoft.com');
  const [account] = app.services.inventory.accounts.forTenant(first.tenantId);
  for (let n = 2; n <= options.tenants; n++) {
    const tenantId = guid('c0ffee', n);
    app.services.inventory.tenants.upsert({ tenantId, displayName: `Customer ${n}`, defaultDomain: `customer${n}.onmicrosoft.com`, cloudId: 'sim' });
    if (account) app.services.inventory.accounts.attach(tenantId, account, null, 'needs-sign-in');
  }
  return {
    sim,
    async run(kind, faults, tenantIds) {
      await sim.setFaults(faults);
      const before = await sim.stats();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const job = kind === 'sync' ? app.services.sync.sync(tenantIds) : await app.services.sync.linkAll(tenantIds);
      const summary = await job.done;
      const ms = performance.now() - started;
      clearInterval(sampler);
      const after = await sim.stats();
      await sim.setFaults({});
      return { ms, summary, requests: after.requests - before.requests, throttled: after.throttled - before.throttled, peakRssMb: Math.round(peak / 2 ** 20) };
    },
    async close() {
      await app.services.close();
      await sim.close();
    },
  };
}
