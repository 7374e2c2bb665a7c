import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { APP_SCHEME, isAppUrl } from './origin';

/**
 * Must run before the app is ready. `standard` gives app://kith a real origin (IndexedDB, relative
 * URLs), `secure` makes it a secure context (crypto.subtle, persistent storage), `supportFetchAPI`
 * lets the renderer fetch its own files. Everything that would widen access stays off:
 * corsEnabled would make the app's files readable from other origins, bypassCSP would void the
 * policy, and Kith has no service worker.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
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
}

/** Serves the renderer build from app://kith. Call once the app is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

// electronegativity-justified: CSP_GLOBAL_CHECK — the policy is sent as a header on every app:// response here; the scanner only recognises webRequest and <meta> policies
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The app:// request handler, confined to `rendererDir`. Paths are resolved and then checked to
 * still lie inside the folder, which covers ../, encoded %2e%2e and %2f, and absolute paths alike.
 * Symlinks are not followed out of the folder by design of the build (it contains none), so no
 * realpath step, which would also misbehave inside an asar archive.
 */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    if (!isAppUrl(request.url)) return refuse(403, 'Not the app');
    const url = new URL(request.url);

    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400, 'Malformed path');
    }
    // Backslashes and NUL never occur in the build; on Windows a backslash is a separator.
    if (path.includes('\\') || path.includes('\0')) return refuse(400, 'Malformed path');

    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    const fromRoot = relative(root, file);
    if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
      return refuse(403, 'Outside the app');
    }

    const found = await readIfFile(file);
    if (found) return respond(request, found, contentType(file));
    // Client-side routes (no file extension) get the app shell, as the browser build's server does.
    if (extname(file) === '') {
      const shell = await readIfFile(resolve(root, 'index.html'));
      if (shell) return respond(request, shell, CONTENT_TYPES['.html']!);
    }
    return refuse(404, 'Not found');
  };
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}

function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function respond(request: Request, body: Buffer, type: string): Response {
  const headers = { ...SECURITY_HEADERS, 'Content-Type': type };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

function refuse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
