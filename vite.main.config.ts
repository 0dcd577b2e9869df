/** Vite config for the main process bundle: keytar stays a native external module; React and Fluent UI (main renders the first screen) are built for the mode, not for an unset NODE_ENV. */
import { defineConfig } from 'vite';
import { runtimeExternals } from './forge.packaging.ts';

export default defineConfig(({ mode }) => ({
  define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'production' ? 'production' : 'development') },
  build: { rollupOptions: { external: runtimeExternals } },
}));
