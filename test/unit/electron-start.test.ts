// `npm start` where the Electron binary is missing: it fetches it once, and when that fails or
// hangs it gives up in bounded time with a message that points to the browser mode.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

interface StartScript {
  electronBinaryPath(electronDir: string, env?: Record<string, string | undefined>): string | null;
  installElectronBinary(
    electronDir: string,
    options: { timeoutMs: number },
  ): Promise<{ ok: boolean; reason: string }>;
  ensureElectronBinary(
    electronDir: string,
    options: { timeoutMs: number },
  ): Promise<{ binary: string | null; reason: string }>;
  missingBinaryMessage(reason: string): string;
}

let start: StartScript;
beforeAll(async () => {
  const url = pathToFileURL(resolve(import.meta.dirname, '../../scripts/start.mjs')).href;
  start = (await import(/* @vite-ignore */ url)) as StartScript;
});

// A stand-in for node_modules/electron whose install.js does what the test says.
let electronDir: string;
beforeEach(() => {
  electronDir = mkdtempSync(join(tmpdir(), 'kith-electron-'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(electronDir, { recursive: true, force: true });
});

const installer = (source: string): void => writeFileSync(join(electronDir, 'install.js'), source);
const installBinary = `
  const { mkdirSync, writeFileSync } = require('node:fs');
  mkdirSync('dist');
  writeFileSync('dist/electron', '');
  writeFileSync('path.txt', 'electron');
`;

describe('finding the Electron binary', () => {
  it('finds nothing before the binary is downloaded', () => {
    expect(start.electronBinaryPath(electronDir, {})).toBeNull();
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(start.electronBinaryPath(electronDir, {})).toBeNull();
  });

  it('finds the binary that path.txt names', () => {
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(start.electronBinaryPath(electronDir, {})).toBe(join(electronDir, 'dist', 'electron'));
  });
});

describe('fetching the binary on demand', () => {
  it('runs the electron package’s own installer once and uses what it installed', async () => {
    installer(installBinary);
    const result = await start.ensureElectronBinary(electronDir, { timeoutMs: 10_000 });
    expect(result).toEqual({ binary: join(electronDir, 'dist', 'electron'), reason: '' });
  });

  it('ignores ELECTRON_SKIP_BINARY_DOWNLOAD, which only meant "not during npm install"', async () => {
    vi.stubEnv('ELECTRON_SKIP_BINARY_DOWNLOAD', '1');
    installer(`if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);\n${installBinary}`);
    expect((await start.ensureElectronBinary(electronDir, { timeoutMs: 10_000 })).binary).not.toBeNull();
    vi.unstubAllEnvs();
  });

  it('reports a failed download', async () => {
    installer('console.error("getaddrinfo ENOTFOUND github.com"); process.exit(1);');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await start.ensureElectronBinary(electronDir, { timeoutMs: 10_000 })).toEqual({
      binary: null,
      reason: 'the installer exited with code 1',
    });
  });

  it('gives up on a download that hangs, in bounded time', async () => {
    installer('setInterval(() => {}, 1000);');
    const began = Date.now();
    const result = await start.ensureElectronBinary(electronDir, { timeoutMs: 300 });
    expect(result).toEqual({ binary: null, reason: 'the download did not finish within 1 s' });
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it('notices an installer that succeeds without installing anything', async () => {
    installer('process.exit(0);');
    expect(await start.ensureElectronBinary(electronDir, { timeoutMs: 10_000 })).toEqual({
      binary: null,
      reason: 'the installer finished but no binary appeared',
    });
  });

  it('says where the electron package is missing altogether', async () => {
    const result = await start.installElectronBinary(join(electronDir, 'nowhere'), { timeoutMs: 1_000 });
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('run npm install first');
  });
});

describe('the message when the desktop app cannot start', () => {
  it('gives the reason and names the browser mode', () => {
    const message = start.missingBinaryMessage('the installer exited with code 1');
    expect(message).toContain('the installer exited with code 1');
    expect(message).toContain('npm run web');
  });
});
