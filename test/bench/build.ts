import { resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export const BENCH_OUT = resolve(root, 'out/bench');
/** Its own copy of the app build, so a bench never races an end-to-end run rebuilding out/renderer. */
export const APP_OUT = resolve(root, 'out/bench-app');

/**
 * A production build, whatever NODE_ENV this process has: Vite's module runner (which loads the
 * bench) sets it to "development" and Vitest to "test", and Vite takes an existing NODE_ENV over the
 * build mode, which would bundle React's development runtime (several times slower, StrictMode's
 * double effects) instead of the one people get.
 */
export async function productionBuild(config: InlineConfig): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', ...config });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export async function buildBenchPage(): Promise<void> {
  await productionBuild({ configFile: resolve(import.meta.dirname, 'vite.config.ts') });
}

/** Builds the renderer as `npm run web` serves it; the error is returned (not thrown) so data figures still run. */
export async function buildApp(): Promise<Error | null> {
  try {
    await productionBuild({
      configFile: resolve(root, 'renderer/vite.web.config.ts'),
      build: { outDir: APP_OUT, emptyOutDir: true, chunkSizeWarningLimit: 4_000 },
    });
    return null;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
