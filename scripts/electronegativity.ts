/** Runs Electronegativity over src and fails on any finding, and on any inline suppression that gives no written reason. */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
}

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity') as (options: object) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
const electronVersion = (require('electron/package.json') as { version: string }).version;
const src = path.resolve(import.meta.dirname, '../src');

const result = await run({
  input: src,
  isRelative: true,
  electronVersionOverride: electronVersion,
  // Needs the network to list Electron releases; we track the current Electron major through package.json instead.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});

const problems: string[] = [];
for (const error of result.errors.filter((e) => !e.tolerable)) problems.push(`parse error in ${error.file}: ${error.message}`);
for (const issue of result.issues) {
  problems.push(`${issue.id} ${issue.severity.name}/${issue.confidence.name} at ${issue.file}:${issue.location.line} — ${issue.description}`);
}

/** Every `eng-disable CHECK` comment needs a reason: ` -- reason` in code, a `<!-- why: reason -->` comment in HTML. */
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
let suppressions = 0;
for (const file of walk(src)) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.includes('eng-disable')) return;
      suppressions += 1;
      const reason = /eng-disable[\w \t]+\s--\s(.+)$/.exec(line)?.[1] ?? /<!--\s*why:(.+?)-->/.exec(line)?.[1];
      if (!reason || reason.trim().split(/\s+/).length < 4) {
        problems.push(`suppression without a written reason at ${path.relative(src, file)}:${index + 1}`);
      }
    });
}

if (problems.length > 0) {
  console.error(`Electronegativity: ${problems.length} unexplained finding(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Electronegativity: no unexplained findings (Electron ${electronVersion}; ${suppressions} suppression(s), each with a reason).`);
process.exit(0);
