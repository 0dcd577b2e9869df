/** The UI benchmark's rows for the printed table and the JSON: first paint of the grid, keystroke to painted result, JS heap. */
import { availableParallelism, loadavg } from 'node:os';
import type { BenchRow } from './bench-table';
import { measureUi, percentile } from './bench-ui';

/** Fresh-browser loads for the first paint; the table shows their median and range. */
const LOADS = 7;

export async function uiBenchRows(): Promise<BenchRow[]> {
  const r = await measureUi({ tenants: 1000, resourcesPerTenant: 100, loads: LOADS });
  const median = (pick: (load: (typeof r.loads)[number]) => number) => Math.round(percentile(r.loads.map(pick), 50));
  const paints = r.loads.map((load) => load.gridPaintMs);
  const gridPaintMs = median((load) => load.gridPaintMs);
  const data = '1,000 tenants, 100k resources';
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
  return [
    {
      name: `UI: first paint of the tenant grid (${data})`,
      value: gridPaintMs,
      unit: 'ms',
      goal: '< 1000 ms',
      met: gridPaintMs < 1000,
      detail: `median of ${LOADS} loads in a fresh browser (${Math.round(Math.min(...paints))}–${Math.round(Math.max(...paints))} ms), navigation to the grid's rows on screen (the later of the frame after they entered the DOM, median ${median((load) => load.firstRowsMs)} ms, and the page's first contentful paint as presented, median ${median((load) => load.firstContentMs)} ms); the page with main's first screen arrived at ${median((load) => load.pageArrivedMs)} ms; the rows answered clicks and keys (hydrated) at ${median((load) => load.interactiveMs)} ms; attributed shares shown at ${Math.round(r.sharesMs)} ms; ${load}`,
    },
    { name: 'UI: search keystroke to painted result, p95', value: r.keystrokeP95Ms, unit: 'ms', goal: '< 50 ms', met: r.keystrokeP95Ms < 50, detail: `${r.keystrokes} keystrokes, median ${Math.round(r.keystrokeMedianMs * 10) / 10} ms; input event to the frame after the grid shows the result; ${r.rowsInDom} rows in the DOM; ${load}` },
    { name: 'UI: JS heap after the searches', value: r.heapMb, unit: 'MB', goal: '< 200 MB', met: r.heapMb < 200, detail: 'JSHeapUsedSize (CDP Performance.getMetrics), no forced GC' },
  ];
}
