import { join } from 'node:path';
import { app } from 'electron';
import { startKith } from './app';

// out/main/index.js sits beside out/preload and out/renderer in the build.
startKith({
  rendererDir: join(import.meta.dirname, '../renderer'),
  preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
}).catch((error: unknown) => {
  console.error('Kith could not start:', error);
  app.exit(1);
});
