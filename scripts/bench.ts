/** `npm run bench`: benchmarks (not tests). Prints a table and writes JSON to bench-results/. */
import path from 'node:path';
import { measureAttribution } from '../test/bench/bench-attribution';
import { measureInventoryOpen } from '../test/bench/bench-inventory';
import { measureSimThroughput } from '../test/bench/bench-sim';
import { prepareSyncBench } from '../test/bench/bench-sync';
import { printAndSave, type BenchRow } from '../test/bench/bench-table';
import { uiBenchRows } from '../test/bench/ui-rows';
import { startSim } from '../test/sim';
import { guid } from '../test/sim/scenario';

const TENANTS = 200;
const LATENCY_MS = 30;
const CONCURRENCY = 16;
const rows: BenchRow[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);

log(`sync of ${TENANTS} tenants at ${LATENCY_MS} ms latency (simulated cloud in its own process)…`);
{
  const bench = await prepareSyncBench({ tenants: TENANTS, concurrency: CONCURRENCY });
  const r = await bench.run('sync', { latencyMs: LATENCY_MS });
  const depth = 2;
  const again = await bench.run('sync', { latencyMs: LATENCY_MS });
  const againBound = Math.max(LATENCY_MS, (again.requests * LATENCY_MS) / CONCURRENCY);
  const bound = Math.max(depth * LATENCY_MS, (r.requests * LATENCY_MS) / CONCURRENCY);
  rows.push({ name: `sync ${TENANTS} tenants (C=${CONCURRENCY}, L=${LATENCY_MS} ms)`, value: r.ms, unit: 'ms', goal: `≤ 1.3 × ${Math.round(bound)} ms bound`, met: r.ms <= 1.3 * bound, detail: `${(r.ms / bound).toFixed(2)}× the bound; ${r.requests} requests; ${r.summary.counts.done} done, ${r.summary.counts.failed} failed` });

  rows.push({ name: `repeat sync ${TENANTS} tenants (tokens remembered)`, value: again.ms, unit: 'ms', goal: `≤ 1.3 × ${Math.round(againBound)} ms bound`, met: again.ms <= 1.3 * againBound, detail: `${(again.ms / againBound).toFixed(2)}× the bound; ${again.requests} requests` });

  log('throttling storm (30% of ARM calls answered 429, Retry-After 1 s)…');
  const storm = await bench.run('sync', { latencyMs: LATENCY_MS, throttleRate: 0.3, retryAfterSeconds: 1, ratePathIncludes: 'ManagementPartner' });
  rows.push({ name: 'throttling storm, sync of 200 tenants', value: storm.summary.counts.failed, unit: 'failed', goal: '0 failed', met: storm.summary.counts.failed === 0, detail: `${storm.throttled} answers were 429; ${storm.summary.counts.done} done in ${Math.round(storm.ms)} ms` });
  await bench.close();
}

log(`sync of ${TENANTS} tenants with Power Platform (3 environments, 100 apps and flows, 20 datasets each) at ${LATENCY_MS} ms…`);
{
  const bench = await prepareSyncBench({ tenants: TENANTS, concurrency: CONCURRENCY, powerPlatform: { resources: TENANTS * 100, environmentsPerTenant: 3, datasetsPerTenant: 20 } });
  // Depth: one tenant synced alone at the same latency (its chain of calls, paging and per-app permission reads included).
  const alone = await bench.run('sync', { latencyMs: LATENCY_MS }, [guid('c0ffee', 1)]);
  const r = await bench.run('sync', { latencyMs: LATENCY_MS });
  const depth = Math.round(alone.ms / LATENCY_MS);
  const bound = Math.max(alone.ms, (r.requests * LATENCY_MS) / CONCURRENCY);
  rows.push({
    name: `sync ${TENANTS} tenants with Power Platform (C=${CONCURRENCY}, L=${LATENCY_MS} ms)`,
    value: r.ms,
    unit: 'ms',
    goal: `≤ 1.3 × ${Math.round(bound)} ms bound`,
    met: r.ms <= 1.3 * bound,
    detail: `${(r.ms / bound).toFixed(2)}× the bound = max(depth ${depth} calls × L, ${r.requests} requests × L / C); ${r.summary.counts.done} done, ${r.summary.counts.failed} failed; peak RSS ${r.peakRssMb} MB`,
  });
  await bench.close();
}

log(`link all ${TENANTS} tenants, C=${CONCURRENCY} then C=1…`);
{
  const fast = await prepareSyncBench({ tenants: TENANTS, concurrency: CONCURRENCY });
  const f = await fast.run('link-all', { latencyMs: LATENCY_MS });
  await fast.close();
  const slow = await prepareSyncBench({ tenants: TENANTS, concurrency: 1 });
  const s = await slow.run('link-all', { latencyMs: LATENCY_MS });
  await slow.close();
  const speedup = s.ms / f.ms;
  rows.push({ name: `link all ${TENANTS} tenants: C=${CONCURRENCY} vs C=1`, value: speedup, unit: '× faster', goal: '≥ 10×', met: speedup >= 10, detail: `${Math.round(f.ms)} ms vs ${Math.round(s.ms)} ms; ${f.summary.counts.done} linked, ${f.summary.counts.failed} failed` });
}

log('inventory open…');
{
  const r = measureInventoryOpen({ tenants: TENANTS, rows: 50_000, runs: 7 });
  rows.push({ name: 'open inventory (200 tenants, 50k rows) + tenant list', value: r.medianMs, unit: 'ms', goal: '< 150 ms', met: r.medianMs < 150, detail: `median of 7 runs, ${r.tenantsListed} tenants listed` });
}

log('attribution checklists and summary…');
{
  const r = measureAttribution({ tenants: 1000, resourcesPerTenant: 100, warmUps: 2, runs: 7 });
  const runs = 'median of 7 runs after 2 warm-up runs';
  rows.push({ name: `attribution checklist (1,000 tenants, ${r.resources.toLocaleString('en')} resources): every check and verdict`, value: r.outcomesMs, unit: 'ms', goal: '< 100 ms', met: r.outcomesMs < 100, detail: `${runs}; the rows an export needs take ${Math.round(r.rowsMs)} ms more` });
  rows.push({ name: 'attribution summary (1,000 tenants, 100k resources)', value: r.summaryMs, unit: 'ms', goal: '< 100 ms', met: r.summaryMs < 100, detail: runs });
}

log('UI in Chromium: tenant grid on 1,000 tenants and 100k resources (browser host on the built renderer)…');
rows.push(...(await uiBenchRows()));

// Last, so its 45k requests do not leave garbage behind for the timed sync runs.
log('sim throughput…');
{
  const sim = await startSim({ scenario: 'demo' });
  const r = await measureSimThroughput(sim, { seconds: 3, parallel: 32 });
  rows.push({ name: 'sim requests/s (HTTPS keep-alive, 32 clients)', value: r.rps, unit: 'req/s', goal: '≥ 2000', met: r.rps >= 2000, detail: `${r.requests} ok, ${r.errors} errors` });
  await sim.close();
}

const file = printAndSave(rows, path.resolve(import.meta.dirname, '../bench-results'));
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
