/** Electron Forge configuration: Vite build, the runtime modules the bundle leaves out, makers for Windows, macOS and Linux, and the security fuses. */
import type { ForgeConfig } from '@electron-forge/shared-types';
import { readFileSync } from 'node:fs';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { copyRuntimeModules } from './forge.packaging.ts';
import { viteForgeConfig } from './vite.forge.ts';

/** Name, product name, version and description come from package.json, so About and every package say the same. */
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  name: string;
  productName: string;
  description: string;
  author: string;
};

const config: ForgeConfig = {
  packagerConfig: {
    name: pkg.productName,
    executableName: pkg.name,
    appBundleId: 'com.paldesk.app',
    appCategoryType: 'public.app-category.business',
    // The packager adds the extension each platform needs: icon.ico (Windows), icon.icns (macOS), icon.png (Linux).
    icon: 'assets/icon',
    win32metadata: { CompanyName: pkg.author, ProductName: pkg.productName, FileDescription: pkg.productName },
    // Native addons cannot be loaded from inside an asar: keytar's .node file goes to app.asar.unpacked.
    asar: { unpack: '**/*.node' },
  },
  rebuildConfig: {},
  hooks: {
    // The Vite plugin packages only .vite/; the modules left external (keytar) come along with their dependencies.
    packageAfterCopy: async (_config, buildPath) => copyRuntimeModules(import.meta.dirname, buildPath),
  },
  makers: [
    // Squirrel's package id has no '-': it splits "<id>-<version>-full.nupkg" on dashes. Installs per user, with shortcuts.
    new MakerSquirrel({ name: 'pal_desk', title: pkg.productName, authors: pkg.author, description: pkg.description, setupIcon: 'assets/icon.ico' }),
    new MakerZIP({}, ['darwin', 'linux']),
    new MakerDMG({ icon: 'assets/icon.icns', format: 'ULFO' }),
    new MakerDeb({
      options: {
        name: pkg.name,
        productName: pkg.productName,
        genericName: 'Partner Admin Link',
        description: 'Partner Admin Link desk for Microsoft partners',
        productDescription: pkg.description,
        categories: ['Office', 'Network'],
        section: 'utils',
        icon: 'assets/icon.png',
        bin: pkg.name,
        // keytar reaches the OS keychain (GNOME Keyring, KWallet) through libsecret; added to Electron's own depends.
        depends: ['libsecret-1-0'],
      },
    }),
  ],
  plugins: [
    new VitePlugin(viteForgeConfig),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
