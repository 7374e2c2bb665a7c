import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export const BENCH_OUT = resolve(root, 'out/bench');
/** Its own copy of the app build, so a bench never races an end-to-end run rebuilding out/renderer. */
export const APP_OUT = resolve(root, 'out/bench-app');

export async function buildBenchPage(): Promise<void> {
  await build({ configFile: resolve(import.meta.dirname, 'vite.config.ts'), logLevel: 'warn' });
}

/** Builds the renderer as `npm run web` serves it; the error is returned (not thrown) so data figures still run. */
export async function buildApp(): Promise<Error | null> {
  try {
    await build({
      configFile: resolve(root, 'renderer/vite.web.config.ts'),
      logLevel: 'warn',
      build: { outDir: APP_OUT, emptyOutDir: true, chunkSizeWarningLimit: 4_000 },
    });
    return null;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
