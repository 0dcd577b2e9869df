/** Stages the packaged app as Forge's packager would, with forge.config.ts's own ignore rule and hooks, then packs its asar. */
import type { ForgeConfig, ResolvedForgeConfig } from '@electron-forge/shared-types';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import forgeConfig from '../../../forge.config';

export const projectDir = path.resolve(import.meta.dirname, '../../..');

type Asar = {
  createPackageWithOptions(src: string, dest: string, options: { unpack?: string; unpackDir?: string }): Promise<unknown>;
  extractAll(archive: string, dest: string): void;
};
/** The @electron/asar that @electron/packager itself packs with (it depends on its own version). */
const packagersAsar = async (): Promise<Asar> =>
  (await import(pathToFileURL(createRequire(import.meta.resolve('@electron/packager')).resolve('@electron/asar')).href)) as Asar;

type Hook = (config: ResolvedForgeConfig, ...args: unknown[]) => unknown;
type PluginLike = { name?: string; init?: (dir: string, config: ResolvedForgeConfig) => void; getHooks?: () => Record<string, Hook | Hook[]> };

/** forge.config.ts after every plugin's resolveForgeConfig hook (the Vite plugin sets packagerConfig.ignore there). */
async function resolvedConfig(): Promise<{ config: ResolvedForgeConfig; plugins: PluginLike[] }> {
  let config = { ...forgeConfig, packagerConfig: { ...forgeConfig.packagerConfig } } as ForgeConfig as ResolvedForgeConfig;
  const plugins = (config.plugins ?? []) as PluginLike[];
  for (const plugin of plugins) {
    plugin.init?.(projectDir, config);
    const hook = plugin.getHooks?.().resolveForgeConfig as Hook | undefined;
    if (hook) config = ((await hook(config)) as ResolvedForgeConfig | undefined) ?? config;
  }
  return { config, plugins };
}

/** Copies projectDir into buildPath, skipping what packagerConfig.ignore rejects (`/`-rooted names, as @electron/packager passes them). */
function copyUnignored(ignore: (name: string) => boolean, dir: string, buildPath: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const source = path.join(dir, entry.name);
    const name = `/${path.relative(projectDir, source).split(path.sep).join('/')}`;
    if (ignore(name)) continue;
    const target = path.join(buildPath, path.relative(projectDir, source));
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      copyUnignored(ignore, source, buildPath);
    } else if (entry.isFile()) {
      copyFileSync(source, target);
    }
  }
}

/** What the package step leaves in `out`: resources/app.asar, its `.unpacked` folder, and the asar extracted for Node to read. */
export async function stagePackagedApp(out: string): Promise<{ resources: string; extracted: string }> {
  const { config, plugins } = await resolvedConfig();
  const ignore = config.packagerConfig.ignore;
  if (typeof ignore !== 'function') throw new Error('packagerConfig.ignore is not a function after the plugins resolved the config');
  const buildPath = path.join(out, 'app');
  mkdirSync(buildPath, { recursive: true });
  copyUnignored(ignore as (name: string) => boolean, projectDir, buildPath);

  // Every packageAfterCopy hook but the fuses plugin's, which flips bits in the Electron binary (not installed here).
  const layoutPlugins = plugins.filter((p) => p.name !== 'fuses');
  const afterCopy = [config.hooks?.packageAfterCopy as Hook | undefined, ...layoutPlugins.map((p) => p.getHooks?.().packageAfterCopy as Hook | undefined)];
  for (const hook of afterCopy) await hook?.(config, buildPath, '45.4.1', process.platform, process.arch);

  const resources = path.join(out, 'resources');
  mkdirSync(resources, { recursive: true });
  const asar = config.packagerConfig.asar;
  const { createPackageWithOptions, extractAll } = await packagersAsar();
  await createPackageWithOptions(buildPath, path.join(resources, 'app.asar'), typeof asar === 'object' ? asar : {});
  const extracted = path.join(out, 'extracted');
  extractAll(path.join(resources, 'app.asar'), extracted);
  return { resources, extracted };
}
