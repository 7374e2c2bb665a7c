import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetFakeElectron } from '../testing/fakeElectron';
import { createAppRequestHandler, registerAppScheme, serveAppProtocol } from './appProtocol';

vi.mock('electron', () => import('../testing/fakeElectron'));

// A real renderer build in a temp folder, with a secret beside it that must never be served.
const sandbox = mkdtempSync(join(tmpdir(), 'kith-protocol-'));
const rendererDir = join(sandbox, 'renderer');
const serve = createAppRequestHandler(rendererDir);

beforeAll(() => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kith</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export const kith = 1;');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body { margin: 0 }');
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), 'bin');
  writeFileSync(join(sandbox, 'secret.txt'), 'the journal key');
  // A sibling whose name starts with the build folder's name: a naive prefix check would allow it.
  mkdirSync(join(sandbox, 'renderer-evil'));
  writeFileSync(join(sandbox, 'renderer-evil', 'secret.txt'), 'the journal key');
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

beforeEach(() => resetFakeElectron());

const get = (url: string, method = 'GET'): Promise<Response> => serve(new Request(url, { method }));

describe('the app:// scheme registration', () => {
  it('is standard and secure (a real origin and a secure context), and opens nothing else up', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          codeCache: true,
          corsEnabled: false,
          bypassCSP: false,
          allowServiceWorkers: false,
          stream: false,
        },
      },
    ]);
  });

  it('serves the given build folder through protocol.handle', async () => {
    serveAppProtocol(rendererDir);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    expect(await (await handler!(new Request('app://kith/assets/app.js'))).text()).toBe(
      'export const kith = 1;',
    );
  });
});

describe('the app:// request handler', () => {
  it('serves index.html for the root, with the strict CSP', async () => {
    const response = await get('app://kith/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Kith</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['app://kith/index.html', 'text/html; charset=utf-8'],
    ['app://kith/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://kith/assets/app.css', 'text/css; charset=utf-8'],
    ['app://kith/assets/logo.svg', 'image/svg+xml'],
    ['app://kith/assets/font.woff2', 'font/woff2'],
    ['app://kith/assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://kith/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://kith/assets/app.js', 'POST')).status).toBe(405);
  });

  it('answers the app shell for client-side routes, but 404 for missing files', async () => {
    const route = await get('app://kith/people/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Kith</title>');
    expect((await get('app://kith/assets/missing.js')).status).toBe(404);
    expect((await get('app://kith/assets')).status).toBe(200); // a folder is not a file: the shell
  });

  it.each([
    'app://kith/../secret.txt',
    'app://kith/%2e%2e/secret.txt',
    'app://kith/assets/../../secret.txt',
    'app://kith/..%2fsecret.txt',
    'app://kith/%2e%2e%2fsecret.txt',
    'app://kith/%2E%2E%2Fsecret.txt',
    'app://kith/assets/..%2f..%2fsecret.txt',
    'app://kith/..%2frenderer-evil%2fsecret.txt',
    'app://kith/..%5csecret.txt',
    'app://kith/%2e%2e%5csecret.txt',
    `app://kith/${join(sandbox, 'secret.txt')}`,
    `app://kith/${encodeURIComponent(join(sandbox, 'secret.txt'))}`,
    'app://kith/secret.txt%00.html',
    'app://kith/%E0%A4%A',
  ])('never serves anything outside the build: %s', async (url) => {
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('the journal key');
  });

  it('refuses explicitly (403) a path that resolves outside the build', async () => {
    expect((await get('app://kith/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://kith/..%2frenderer-evil%2fsecret.txt')).status).toBe(403);
  });

  it.each([
    'app://evil/index.html',
    'app://kith.evil/index.html',
    'app://kith:99/index.html',
    'https://kith/',
  ])('refuses other hosts and schemes: %s', async (url) => {
    expect((await get(url)).status).toBe(403);
  });
});
