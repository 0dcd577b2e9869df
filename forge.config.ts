/** Electron Forge configuration: Vite build, makers for Windows, macOS and Linux, and the security fuses. */
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { copyRuntimeModules } from './forge.packaging.ts';
import { viteForgeConfig } from './vite.forge.ts';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'PAL Desk',
    executableName: 'pal-desk',
    appBundleId: 'com.paldesk.app',
    icon: 'assets/icon',
    // Native addons cannot be loaded from inside an asar: keytar's .node file goes to app.asar.unpacked.
    asar: { unpack: '**/*.node' },
  },
  rebuildConfig: {},
  hooks: {
    // The Vite plugin packages only .vite/; the modules left external (keytar) come along with their dependencies.
    packageAfterCopy: async (_config, buildPath) => copyRuntimeModules(import.meta.dirname, buildPath),
  },
  makers: [
    new MakerSquirrel({ name: 'pal_desk', setupIcon: 'assets/icon.ico' }),
    new MakerZIP({}, ['darwin', 'linux']),
    new MakerDMG({ icon: 'assets/icon.icns', format: 'ULFO' }),
    new MakerDeb({ options: { name: 'pal-desk', productName: 'PAL Desk', icon: 'assets/icon.png', categories: ['Office'] } }),
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
