import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { productionBuild } from '../../bench/build';
import { startStaticServer, type StaticServer } from '../../support/server';

const root = resolve(import.meta.dirname, '../../..');
/** Its own copy of the app build, so a fault run never races an end-to-end run rebuilding out/renderer. */
const APP_OUT = resolve(root, 'out/faults-app');
const PROBE_OUT = resolve(root, 'out/faults-probe');

export interface Site {
  /** The app, as `npm run web` serves it. */
  appUrl: string;
  /** The probe page, on the same origin (so it opens the app's own database). */
  probeUrl: string;
  close(): Promise<void>;
}

/**
 * Builds the app (production, as people get it) and the probe page, unless asked to reuse them;
 * `appDir` serves an app built elsewhere (`npm test` passes the renderer its build step made).
 * Returns the app's folder.
 */
export async function buildSite(options: {
  reuse: boolean;
  appDir?: string;
  log: (message: string) => void;
}): Promise<string> {
  const appDir = options.appDir ? resolve(options.appDir) : APP_OUT;
  if (options.appDir && !existsSync(resolve(appDir, 'index.html')))
    throw new Error(`${appDir} holds no built app (index.html).`);
  const built = (dir: string) => options.reuse && existsSync(resolve(dir, 'index.html'));
  if (!built(appDir) && !options.appDir) {
    options.log('building the app…');
    await productionBuild({
      configFile: resolve(root, 'renderer/vite.web.config.ts'),
      build: { outDir: APP_OUT, emptyOutDir: true, chunkSizeWarningLimit: 4_000 },
    });
  }
  if (built(PROBE_OUT)) return appDir;
  options.log('building the probe page…');
  await productionBuild({
    configFile: false,
    root: resolve(import.meta.dirname, '../page'),
    base: '/faults/',
    logLevel: 'warn',
    build: { outDir: PROBE_OUT, emptyOutDir: true, target: 'es2023', chunkSizeWarningLimit: 4_000 },
  });
  return appDir;
}

export async function serveSite(appDir: string): Promise<Site> {
  const server: StaticServer = await startStaticServer({ roots: { '/': appDir, '/faults/': PROBE_OUT } });
  return { appUrl: server.url, probeUrl: `${server.url}faults/`, close: () => server.close() };
}
