import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { WEB_CSP_DIRECTIVES } from '../shared/security/contentSecurityPolicy.ts';

/**
 * Puts the browser build's Content-Security-Policy into the built page as a <meta>: the desktop's
 * policy plus connect-src http: https: for the sync server the person configures. In the desktop
 * window the shell's strict header applies as well, and a browser enforces both, so the desktop
 * stays at connect-src 'self' (its sync goes through the main process).
 * frame-ancestors is left out: browsers ignore it in a <meta> and warn about it.
 */
function contentSecurityPolicy(): Plugin {
  const policy = Object.entries(WEB_CSP_DIRECTIVES)
    .filter(([directive]) => directive !== 'frame-ancestors')
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
  return {
    name: 'kith-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * One renderer build serves both the desktop window (app://kith) and the browser (`npm run web`),
 * so the browser is a faithful stand-in for the desktop in end-to-end tests. Paths come from the
 * repository root passed in: electron.config.ts bundles this file, so its own import.meta.dirname
 * would name electron.config.ts's folder there.
 */
export function rendererConfig(repoRoot: string): UserConfig {
  const root = resolve(repoRoot, 'renderer');
  const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    root,
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    define: { 'import.meta.env.VITE_KITH_VERSION': JSON.stringify(version) },
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, '../out/renderer'),
      emptyOutDir: true,
      target: 'es2023',
      // rolldownOptions, not rollupOptions: electron-vite replaces the latter with its own.
      rolldownOptions: { input: resolve(root, 'index.html') },
    },
    preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  };
}

// Lazy: electron.config.ts bundles this module, and this line must not run there.
export default defineConfig(() => rendererConfig(resolve(import.meta.dirname, '..')));
