#!/usr/bin/env node
// `npm test`: every check the project has, in order, never stopping at the first failure, so one run
// tells the whole story. Each non-Vitest step counts as one check; Vitest suites count their tests.
// The last line is the totals across all suites: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = resolve(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs just those steps

/** @type {{ name: string; passed: number; failed: number; skipped: number; seconds: number }[]} */
const summary = [];

function run(name, command, args, env = {}) {
  if (only.length && !only.some((o) => name.startsWith(o))) return null;
  process.stdout.write(`\n▶ ${name}\n`);
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: child.status === 0, seconds: (Date.now() - started) / 1000 };
}

function check(name, command, args, env) {
  const r = run(name, command, args, env);
  if (r) summary.push({ name, passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, skipped: 0, seconds: r.seconds });
}

function vitest(name, project, env) {
  const out = resolve(results, `${project}.json`);
  rmSync(out, { force: true });
  const r = run(
    name,
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    env,
  );
  if (!r) return;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests;
    skipped = report.numPendingTests + report.numTodoTests;
    // A suite that failed to load (syntax error, failed import) has no tests to count: count it.
    failed += report.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
  }
  if (!r.ok && failed === 0) failed = 1; // crashed before reporting, or no tests found
  summary.push({ name, passed, failed, skipped, seconds: r.seconds });
}

/**
 * The fault suite's short, seeded part (`npm run faults -- --short`, about 2 minutes on 2 cores): its
 * JSON report counts one passed or failed check per scenario, as a Vitest step counts its tests. It
 * serves the renderer the build step made. On by default (CI runs it); KITH_FAULTS_IN_TEST=0 skips it.
 */
function faults(name) {
  const out = resolve(results, 'faults.json');
  rmSync(out, { force: true });
  const app = existsSync(resolve(root, 'out/renderer/index.html')) ? ['--app', 'out/renderer'] : [];
  const r = run(name, process.execPath, [
    'scripts/faults.mjs',
    '--short',
    '--seed',
    '20261201',
    ...app,
    '--json',
    out,
  ]);
  if (!r) return;
  let passed = 0;
  let failed = 0;
  if (existsSync(out)) ({ passed, failed } = JSON.parse(readFileSync(out, 'utf8')));
  if (!r.ok && failed === 0) failed = 1; // crashed before reporting
  summary.push({ name, passed, failed, skipped: 0, seconds: r.seconds });
}

for (const project of ['shared', 'renderer', 'electron', 'test', 'tsconfig.node.json']) {
  const path = project.endsWith('.json') ? project : `${project}/tsconfig.json`;
  check(`typecheck ${project}`, bin('tsc'), ['--noEmit', '-p', path]);
}
check('lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']);
check('format (prettier)', bin('prettier'), ['--check', '.']);
check('security scan (electronegativity)', process.execPath, ['scripts/security-scan.mjs']);
check('build (electron-vite)', bin('electron-vite'), ['build', '--config', 'electron.config.ts']);
vitest('unit and component tests (vitest)', 'unit');
vitest('end-to-end tests (chromium)', 'e2e', { KITH_E2E_SKIP_BUILD: '1' });
if (process.env.KITH_FAULTS_IN_TEST !== '0') faults('faults: short scenarios (chromium)');

const total = summary.reduce(
  (t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\nSummary');
for (const s of summary) {
  const mark = s.failed ? '✗' : '✓';
  console.log(
    `  ${mark} ${s.name.padEnd(40)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1)}s`,
  );
}
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed ? 1 : 0);
