import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeExternals } from '../../../forge.packaging';
import { projectDir, stagePackagedApp } from './stage-package';

const builtDir = path.join(projectDir, '.vite/build');
const out = mkdtempSync(path.join(tmpdir(), 'pal-package-'));
let staged: { resources: string; extracted: string };
let bundle: string;

beforeAll(async () => {
  // npm test builds first; a lone run of this file builds when nothing is there yet.
  if (!existsSync(path.join(builtDir, 'main.cjs'))) execFileSync(process.execPath, ['scripts/build.ts'], { cwd: projectDir, stdio: 'ignore' });
  bundle = readdirSync(builtDir)
    .filter((f) => f.endsWith('.cjs'))
    .map((f) => readFileSync(path.join(builtDir, f), 'utf8'))
    .join('\n');
  staged = await stagePackagedApp(out);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Bare specifiers the bundle requires or imports (not relative chunks, not Node built-ins, not Electron itself). */
function loadedAtRunTime(code: string, call: 'require' | 'import'): string[] {
  const pattern = new RegExp(`\\b${call}\\(\\s*([\`'"])([^\`'"]+)\\1\\s*\\)`, 'g');
  const specifiers = [...code.matchAll(pattern)].map((m) => m[2]!);
  return [...new Set(specifiers)].filter((s) => !s.startsWith('.') && !isBuiltin(s) && s !== 'electron');
}

describe('the packaged app', () => {
  it('carries keytar with its native file unpacked from the asar, where the OS can load it', () => {
    const native = path.join(staged.resources, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node');
    expect(existsSync(native), `${native} should exist`).toBe(true);
  });

  it('resolves and loads every module the built main loads at run time from the packaged layout alone', () => {
    const modules = [...new Set([...loadedAtRunTime(bundle, 'require'), ...loadedAtRunTime(bundle, 'import'), ...runtimeExternals])];
    expect(modules).toContain('keytar');
    // A fresh Node, as the app would start: resolve from the bundle's own place in the package and load each module.
    const main = path.join(staged.extracted, '.vite/build/main.cjs');
    const script = `const r = require('node:module').createRequire(${JSON.stringify(main)});
      const found = {};
      for (const m of ${JSON.stringify(modules)}) { try { found[m] = r.resolve(m); r(m); } catch (e) { found[m] = 'missing: ' + e.code; } }
      console.log(JSON.stringify(found));`;
    const found = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: out, env: { ...process.env, NODE_PATH: '' }, encoding: 'utf8' })) as Record<string, string>;
    for (const m of modules) expect(found[m], m).toMatch(new RegExp(`^${staged.extracted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('loads its runtime modules with require, which reads inside an asar, never with a bare import()', () => {
    expect(loadedAtRunTime(bundle, 'import')).toEqual([]);
  });
});
