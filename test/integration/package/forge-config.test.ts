import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import forgeConfig from '../../../forge.config';
import { projectDir } from './stage-package';

/** `make` without the Electron binary: what Forge would resolve and read from forge.config.ts before building installers. */
const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
  version: string;
  devDependencies: Record<string, string>;
};
type Named = { name: string; platforms?: string[]; config?: Record<string, unknown>; prepareConfig?: (arch: string) => Promise<void> };
const makers = (forgeConfig.makers ?? []) as unknown as Named[];
const plugins = (forgeConfig.plugins ?? []) as unknown as Named[];
const packager = forgeConfig.packagerConfig ?? {};
// As make does before it runs a maker.
beforeAll(async () => {
  for (const maker of makers) await maker.prepareConfig?.('x64');
});
const makerOptions = (name: string) => {
  const config = makers.find((m) => m.name === name)?.config ?? {};
  return ((config.options as Record<string, unknown> | undefined) ?? config) as Record<string, unknown>;
};

describe('the forge config, as make reads it', () => {
  it('names only makers and plugins that are installed project dependencies, each with its installer tool declared', () => {
    expect(makers.map((m) => m.name).sort()).toEqual(['deb', 'dmg', 'squirrel', 'zip']);
    for (const { name, kind } of [...makers.map((m) => ({ name: m.name, kind: 'maker' })), ...plugins.map((p) => ({ name: p.name, kind: 'plugin' }))]) {
      const module = `@electron-forge/${kind}-${name}`;
      expect(pkg.devDependencies, module).toHaveProperty([module]);
      expect(() => import.meta.resolve(module), module).not.toThrow();
      const manifest = JSON.parse(readFileSync(path.join(projectDir, 'node_modules', module, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      if (kind === 'maker') {
        // The tool each maker drives; npm installs the optional ones only where they can run (electron-installer-debian needs Node ≥ 22.12).
        const tool = { deb: 'electron-installer-debian', dmg: 'electron-installer-dmg', squirrel: 'electron-winstaller', zip: 'cross-zip' }[name]!;
        expect({ ...manifest.dependencies, ...manifest.optionalDependencies }, module).toHaveProperty([tool]);
        if (manifest.dependencies?.[tool]) expect(() => createRequire(path.join(projectDir, 'node_modules', module, 'package.json')).resolve(tool), tool).not.toThrow();
      }
    }
  });

  it('makes the Windows installer on Windows, the zip and dmg for macOS, the zip and deb for Linux', () => {
    const on = (platform: string) => makers.filter((m) => m.platforms?.includes(platform)).map((m) => m.name).sort();
    expect(on('win32')).toEqual(['squirrel']);
    expect(on('darwin')).toEqual(['dmg', 'zip']);
    expect(on('linux')).toEqual(['deb', 'zip']);
  });

  it('finds every icon it names, with the extension each platform needs', () => {
    const base = String(packager.icon);
    const icons = [
      ...['.ico', '.icns', '.png'].map((ext) => `${base}${ext}`),
      String(makerOptions('squirrel').setupIcon),
      String(makerOptions('dmg').icon),
      String(makerOptions('deb').icon),
    ];
    expect(icons.filter((icon) => !existsSync(path.join(projectDir, icon)))).toEqual([]);
    expect(makerOptions('squirrel').setupIcon).toMatch(/\.ico$/);
    expect(makerOptions('dmg').icon).toMatch(/\.icns$/);
    expect(makerOptions('deb').icon).toMatch(/\.png$/);
  });

  it("gives every package the app's name, product name and version, as About shows them", () => {
    expect(packager).toMatchObject({ name: pkg.productName, executableName: pkg.name });
    expect(packager.appVersion ?? pkg.version).toBe(pkg.version);
    expect(packager.appBundleId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/i);
    expect(makerOptions('deb')).toMatchObject({ name: pkg.name, productName: pkg.productName, bin: pkg.name });
    expect(makerOptions('deb').categories).toEqual(expect.arrayContaining(['Office']));
    expect(makerOptions('deb').depends).toContain('libsecret-1-0');
    // Squirrel names its package files "<id>-<version>-full.nupkg": the id must not contain '-' or spaces.
    expect(makerOptions('squirrel').name).toMatch(/^[A-Za-z0-9_.]+$/);
    expect(makerOptions('squirrel').title).toBe(pkg.productName);
    // About (settings:about) shows the name the app services give and Electron's app.getVersion(), i.e. package.json's version.
    expect(readFileSync(path.join(projectDir, 'src/main/app-services.ts'), 'utf8')).toContain(`name: '${pkg.productName}'`);
    expect(readFileSync(path.join(projectDir, 'src/main/main.ts'), 'utf8')).toContain('version: app.getVersion()');
  });
});
