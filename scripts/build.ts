/** Offline build of main, preload and renderer through Forge's own Vite worker (no Electron binary needed). */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteForgeConfig } from '../vite.forge.ts';

const projectDir = path.resolve(import.meta.dirname, '..');
const worker = path.join(path.dirname(fileURLToPath(import.meta.resolve('@electron-forge/plugin-vite'))), 'subprocess-worker.js');

function runWorker(kind: 'build' | 'renderer', index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker], {
      cwd: projectDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        FORGE_VITE_PROJECT_DIR: projectDir,
        FORGE_VITE_KIND: kind,
        FORGE_VITE_INDEX: String(index),
        FORGE_VITE_CONFIG: JSON.stringify(viteForgeConfig),
      },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite ${kind} #${index} exited with ${code}`))));
  });
}

const started = performance.now();
rmSync(path.join(projectDir, '.vite'), { recursive: true, force: true });
await Promise.all([
  ...viteForgeConfig.build.map((_, i) => runWorker('build', i)),
  ...viteForgeConfig.renderer.map((_, i) => runWorker('renderer', i)),
]);
console.log(`built main, preload and renderer into .vite/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
