/** Vite config for the preload bundle (Forge supplies the rest). */
import { defineConfig } from 'vite';

export default defineConfig({});
