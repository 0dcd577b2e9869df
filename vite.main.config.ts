/** Vite config for the main process bundle: keytar stays a native external module. */
import { defineConfig } from 'vite';

export default defineConfig({
  build: { rollupOptions: { external: ['keytar'] } },
});
