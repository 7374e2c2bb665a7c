import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/**
 * The bench page: the sample generator and the data layer, bundled for Chromium and served at
 * /bench/ beside the app, so it can fill the app's own IndexedDB (same origin).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: '/bench/',
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    target: 'es2023',
    // One bundle with RxDB and the generator; its size does not matter to a benchmark page.
    chunkSizeWarningLimit: 4_000,
  },
});
