/** The Forge Vite plugin's targets, shared by forge.config.ts and the offline build script. */
export const viteForgeConfig = {
  build: [
    { entry: 'src/main/main.ts', config: 'vite.main.config.ts', target: 'main' as const },
    { entry: 'src/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' as const },
  ],
  renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
};
