/** The UI benchmark's rows for the printed table and the JSON: first paint of the grid, keystroke to painted result, JS heap. */
import { availableParallelism, loadavg } from 'node:os';
import type { BenchRow } from './bench-table';
import { measureUi } from './bench-ui';

export async function uiBenchRows(): Promise<BenchRow[]> {
  const r = await measureUi({ tenants: 1000, resourcesPerTenant: 100 });
  const data = '1,000 tenants, 100k resources';
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
  return [
    { name: `UI: first paint of the tenant grid (${data})`, value: r.firstRowsMs, unit: 'ms', goal: '< 1000 ms', met: r.firstRowsMs < 1000, detail: `navigation to the first rows painted, ${Math.round(r.firstRowsMs - r.tenantListMs)} ms of it after the tenant list arrived; attributed shares shown at ${Math.round(r.sharesMs)} ms; ${load}` },
    { name: 'UI: search keystroke to painted result, p95', value: r.keystrokeP95Ms, unit: 'ms', goal: '< 50 ms', met: r.keystrokeP95Ms < 50, detail: `${r.keystrokes} keystrokes, median ${Math.round(r.keystrokeMedianMs * 10) / 10} ms; input event to the frame after the grid shows the result; ${r.rowsInDom} rows in the DOM; ${load}` },
    { name: 'UI: JS heap after the searches', value: r.heapMb, unit: 'MB', goal: '< 200 MB', met: r.heapMb < 200, detail: 'JSHeapUsedSize (CDP Performance.getMetrics), no forced GC' },
  ];
}
