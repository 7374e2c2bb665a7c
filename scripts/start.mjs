#!/usr/bin/env node
// `npm start`: build Kith, make sure the Electron binary is present (fetching it once if it is
// not), and launch the desktop app. `npm install` deliberately skips Electron's download (so it
// succeeds offline), which is why the binary may be missing on first start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

/** A real download of ~100 MB fits in this; a network that swallows packets does not hang us. */
export const INSTALL_TIMEOUT_MS = 5 * 60_000;

/**
 * The Electron executable if it is installed, else null. Mirrors how the electron package finds
 * it (path.txt names the binary inside dist/), without requiring it, which would throw.
 */
export function electronBinaryPath(electronDir = ELECTRON_DIR, env = process.env) {
  let relative;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : join(electronDir, 'dist', relative);
  return relative !== '' && existsSync(binary) ? binary : null;
}

/**
 * Runs the electron package's own install step once. Resolves with { ok, reason }; never throws
 * and never outlives `timeoutMs`.
 */
export function installElectronBinary(electronDir = ELECTRON_DIR, { timeoutMs = INSTALL_TIMEOUT_MS } = {}) {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) {
    return Promise.resolve({ ok: false, reason: `${installer} is missing (run npm install first)` });
  }
  // The variable that let `npm install` skip the download would make the installer a no-op here.
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return new Promise((settle) => {
    const child = spawn(process.execPath, [installer], { cwd: electronDir, env, stdio: 'inherit' });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      settle({ ok: false, reason: error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut)
        settle({ ok: false, reason: `the download did not finish within ${Math.ceil(timeoutMs / 1000)} s` });
      else if (code === 0) settle({ ok: true, reason: '' });
      else settle({ ok: false, reason: `the installer exited with ${signal ?? `code ${code}`}` });
    });
  });
}

export function missingBinaryMessage(reason) {
  return [
    '',
    'Kith cannot start the desktop app: the Electron binary is missing, and fetching it failed',
    `(${reason}). Electron's installer downloads it from Electron's release host`,
    '(set ELECTRON_MIRROR to use a mirror).',
    '',
    'To use Kith in a browser instead, run:  npm run web',
    'To try the desktop app again, run:      npm start',
    '',
  ].join('\n');
}

/** The Electron executable, fetched once when it is missing; `binary` is null when that failed. */
export async function ensureElectronBinary(electronDir = ELECTRON_DIR, options = {}) {
  const present = electronBinaryPath(electronDir);
  if (present) return { binary: present, reason: '' };
  console.log('Kith: the Electron binary is not installed yet; fetching it once (about 100 MB)...');
  const install = await installElectronBinary(electronDir, options);
  const binary = electronBinaryPath(electronDir);
  if (binary) return { binary, reason: '' };
  return {
    binary: null,
    reason: install.ok ? 'the installer finished but no binary appeared' : install.reason,
  };
}

function build() {
  const result = spawnSync(process.execPath, [ELECTRON_VITE, 'build', '--config', 'electron.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

function launch(binary) {
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(
      `Kith: could not launch Electron (${error.message}). To use Kith in a browser, run: npm run web`,
    );
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const built = build();
  if (built !== 0) {
    console.error('Kith: the build failed (see above).');
    process.exit(built);
  }
  const { binary, reason } = await ensureElectronBinary();
  if (!binary) {
    console.error(missingBinaryMessage(reason));
    process.exit(1);
  }
  launch(binary);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
