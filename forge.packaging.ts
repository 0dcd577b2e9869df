/** What the packaged app carries beside the Vite bundle: the runtime modules Vite leaves external, with their production dependencies. */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Modules the built main loads at run time instead of bundling: keytar is a native addon (its `.node` file cannot be
 * bundled). vite.main.config.ts keeps exactly these external; the packaged app must carry each of them.
 */
export const runtimeExternals = ['keytar'];

/** Where Node would find `name` when required from a file in `fromDir` (walking up, never above `projectDir`). */
function packageDir(projectDir: string, fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.relative(projectDir, dir) === '' || dir === path.dirname(dir)) {
      throw new Error(`${name} is not installed (needed by ${path.relative(projectDir, fromDir) || 'the app'}) — run npm install.`);
    }
  }
}

/** Every package directory (relative to `projectDir`) that `names` need at run time: themselves and their `dependencies`, transitively. */
export function productionClosure(projectDir: string, names: readonly string[] = runtimeExternals): string[] {
  const found = new Set<string>();
  const visit = (fromDir: string, name: string): void => {
    const dir = packageDir(projectDir, fromDir, name);
    const relative = path.relative(projectDir, dir);
    if (found.has(relative)) return;
    found.add(relative);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dir, dependency);
  };
  for (const name of names) visit(projectDir, name);
  return [...found].sort();
}

/**
 * Forge's packageAfterCopy hook: the Vite plugin's ignore rule copies only `.vite/` into the app (electron/forge#3738,
 * #3917), so copy the runtime externals and their production dependencies into the build path at the same relative
 * places. Forge then rebuilds native modules there for Electron, and the asar step unpacks `*.node` files.
 */
export function copyRuntimeModules(projectDir: string, buildPath: string, names: readonly string[] = runtimeExternals): void {
  for (const relative of productionClosure(projectDir, names)) {
    const source = path.join(projectDir, relative);
    cpSync(source, path.join(buildPath, relative), {
      recursive: true,
      dereference: true,
      // Nested node_modules are copied as packages of their own when they are in the closure.
      filter: (file) => !path.relative(source, file).split(path.sep).includes('node_modules'),
    });
  }
}
