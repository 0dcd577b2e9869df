/** Prints benchmark rows as a table and writes them as JSON under bench-results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Human statement of the goal, e.g. "≥ 2000". */
  goal: string;
  met: boolean;
  detail?: string;
}

export function printAndSave(rows: BenchRow[], outDir: string): string {
  const header = ['benchmark', 'value', 'goal', 'met', 'detail'];
  const lines = rows.map((r) => [r.name, `${round(r.value)} ${r.unit}`, r.goal, r.met ? 'yes' : 'NO', r.detail ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(fmt(line));
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: availableParallelism(), rows }, null, 2));
  return file;
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
