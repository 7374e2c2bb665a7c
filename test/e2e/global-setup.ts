import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BENCH_OUT, buildBenchPage, productionBuild } from '../bench/build';
import { startStaticServer } from '../support/server';

const root = resolve(import.meta.dirname, '../..');
const rendererOut = resolve(root, 'out/renderer');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built renderer is served, as `npm run web` would serve it. */
    appUrl: string;
  }
}

/**
 * Builds the renderer (unless `npm test` has just built it) and serves it on loopback: the tests drive
 * the same bundle the desktop window loads.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.KITH_E2E_SKIP_BUILD !== '1' || !existsSync(resolve(rendererOut, 'index.html'))) {
    // A production build, as people get it (Vitest's NODE_ENV=test would make it a development one).
    await productionBuild({ configFile: resolve(root, 'renderer/vite.web.config.ts') });
  }
  // The bench page, on the same origin, can seed the app's own database with a generated dataset
  // (the network map's screenshot is taken on the typical dataset).
  await buildBenchPage();
  const server = await startStaticServer({ roots: { '/': rendererOut, '/bench/': BENCH_OUT } });
  project.provide('appUrl', server.url);
  return () => server.close();
}
