/** Vite config for the React renderer, built into .vite/renderer/main_window. */
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.join(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, '.vite/renderer/main_window'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
