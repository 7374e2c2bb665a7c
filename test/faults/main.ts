import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createRandom } from '../../shared/sample/random';
import { buildSite, serveSite, type Site } from './harness/build';
import { Cleanup } from './harness/cleanup';
import { formatTable, type Report, type Row } from './harness/report';
import { Findings, ScenarioContext, type Scenario } from './harness/scenario';
import { SCENARIOS } from './scenarios';

export const USAGE = `Usage: npm run faults -- [--only NAME[,NAME…]] [--short] [--seed N] [--json FILE] [--reuse-build] [--app DIR] [--control] [--list]

Runs the fault scenarios (issue 9) in headless Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) against
the embedded sync server run as its own process, one scenario at a time, and prints a table:
scenario, outcome, documents lost, documents wrongly accepted. Exits 1 if any scenario fails.

  --only NAME     run only these scenarios (comma-separated; a kind such as "hostile" runs all of it)
  --short         only the short subset \`npm test\` runs (KITH_FAULTS_IN_TEST=0 leaves it out)
  --seed N        replay a run (every random choice derives from it; printed at the start)
  --json FILE     also write the table as JSON ({ seed, rows: [{ scenario, outcome, lost, … }] })
  --reuse-build   reuse out/faults-app and out/faults-probe if they exist
  --app DIR       serve this build of the renderer instead of building one (npm test: out/renderer)
  --control       inject no fault (a check of the suite itself: every scenario should then pass)
  --list          list the scenarios and exit`;

interface Options {
  only: string[];
  short: boolean;
  seed: number;
  json?: string;
  reuseBuild: boolean;
  app?: string;
  control: boolean;
  list: boolean;
  help: boolean;
}

export function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    only: [],
    short: false,
    seed: Number(process.env.KITH_FAULTS_SEED ?? Math.floor(Math.random() * 2 ** 31)),
    reuseBuild: false,
    control: false,
    list: false,
    help: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') options.only.push(...value(++i, '--only').split(','));
    else if (arg === '--short') options.short = true;
    else if (arg === '--seed') {
      options.seed = Number(value(++i, '--seed'));
      if (!Number.isInteger(options.seed)) throw new Error('--seed takes a whole number.');
    } else if (arg === '--json') options.json = value(++i, '--json');
    else if (arg === '--reuse-build') options.reuseBuild = true;
    else if (arg === '--app') options.app = value(++i, '--app');
    else if (arg === '--list') options.list = true;
    else if (arg === '--control') options.control = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`Unknown argument "${arg}".`);
  }
  return options;
}

function selected(options: Options): Scenario[] {
  let chosen = options.short ? SCENARIOS.filter((s) => s.short) : [...SCENARIOS];
  if (options.only.length > 0) {
    const unknown = options.only.filter(
      (name) => !SCENARIOS.some((s) => s.name === name || s.kind.startsWith(name)),
    );
    if (unknown.length > 0) throw new Error(`No scenario named ${unknown.join(', ')}. --list shows them.`);
    chosen = chosen.filter((s) => options.only.some((name) => s.name === name || s.kind.startsWith(name)));
  }
  return chosen;
}

/** Each scenario's own seed: the run's seed and its name, so --only replays it exactly. */
function scenarioSeed(seed: number, name: string): number {
  let h = seed >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const began = Date.now();
const log = (message: string) =>
  process.stderr.write(`[faults ${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);

/** The cleanup of the scenario running now, so an interrupted run still stops what it started. */
let running: Cleanup | null = null;

async function runScenario(scenario: Scenario, site: Site, runSeed: number, control: boolean): Promise<Row> {
  const seed = scenarioSeed(runSeed, scenario.name);
  const cleanup = new Cleanup();
  running = cleanup;
  const findings = new Findings();
  const started = Date.now();
  const say = (message: string) => log(`${scenario.name}: ${message}`);
  let error: Error | null = null;
  say(`start (seed ${seed})`);
  try {
    await scenario.run(new ScenarioContext(seed, createRandom(seed), site, cleanup, say, control), findings);
  } catch (err) {
    error = err instanceof Error ? err : new Error(String(err));
    say(`stopped by an error: ${error.stack ?? error.message}`);
  } finally {
    const left = await cleanup.run();
    for (const item of left) say(`cleanup failed: ${item}`);
    running = null;
  }
  const failed = findings.failed;
  const lost = findings.lost;
  const wrongly = findings.wronglyAccepted;
  const fails = error !== null || failed.length > 0 || (lost ?? 0) > 0 || (wrongly ?? 0) > 0;
  const phrases = [
    ...(error ? [`error: ${error.message.split('\n')[0]?.slice(0, 120)}`] : []),
    ...failed.map((c) => c.whenFailed),
  ];
  if (phrases.length === 0 && (lost ?? 0) > 0) phrases.push(`${lost} lost`);
  if (phrases.length === 0 && (wrongly ?? 0) > 0) phrases.push(`${wrongly} wrongly accepted`);
  const row: Row = {
    scenario: scenario.name,
    kind: scenario.kind,
    outcome: fails ? 'fail' : 'pass',
    phrase: fails ? phrases.join('; ') : findings.passPhrase,
    lost,
    wronglyAccepted: wrongly,
    seconds: (Date.now() - started) / 1000,
    seed,
    checks: findings.checks,
    measured: findings.measured,
  };
  say(`${row.outcome}: ${row.phrase} (${row.seconds.toFixed(0)} s)`);
  return row;
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** `npm run faults`: returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  let scenarios: Scenario[];
  try {
    options = parseOptions(argv);
    scenarios = selected(options);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.list) {
    for (const s of SCENARIOS)
      process.stdout.write(
        `${s.name.padEnd(34)} ${s.kind.padEnd(15)} ${s.short ? 'short ' : '      '}${s.summary}\n`,
      );
    return 0;
  }
  log(
    `seed ${options.seed} (replay with --seed ${options.seed}); ${scenarios.length} scenario(s)` +
      (options.control ? '; control run: no faults injected' : ''),
  );
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up…`);
    void (running?.run() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const appDir = await buildSite({
    reuse: options.reuseBuild,
    log,
    ...(options.app ? { appDir: options.app } : {}),
  });
  const site = await serveSite(appDir);
  const rows: Row[] = [];
  const startedAt = new Date().toISOString();
  // At the start: the checkout may move on while a 15-minute run is under way.
  const commit = commitOf();
  try {
    for (const scenario of scenarios)
      rows.push(await runScenario(scenario, site, options.seed, options.control));
  } finally {
    await site.close();
  }
  const report: Report = {
    suite: 'kith-faults',
    seed: options.seed,
    startedAt,
    commit,
    rows,
    passed: rows.filter((r) => r.outcome === 'pass').length,
    failed: rows.filter((r) => r.outcome === 'fail').length,
  };
  process.stdout.write(
    `\n${formatTable(rows)}\n\n${report.passed} passed, ${report.failed} failed (seed ${options.seed})\n`,
  );
  if (options.json) {
    const file = resolve(process.cwd(), options.json);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${file}`);
  }
  return report.failed > 0 ? 1 : 0;
}
