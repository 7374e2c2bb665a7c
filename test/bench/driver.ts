import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createProfile, launchChromium, type Profile } from '../support/browser';
import { startStaticServer } from '../support/server';
import { measureApp } from './app/appFigures';
import { measureMapPictures } from './app/mapBench';
import { APP_OUT, BENCH_OUT, buildApp, buildBenchPage } from './build';
import { measureInserts, measureSafetyCopy } from './dataFigures';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { formatTable, formatTruthPairs, summarise, type Figure } from './stats';
import { networkFigures, TRUTH_SEEDS, truthFigures } from '../../shared/network/figures';
import { BENCH_SEED, DATASETS, generateNetwork } from '../../shared/sample';
import { measureSyncFigures } from './syncFigures';
import { measureTransferFigures } from './transferFigures';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Runs per dataset: enough for a stable median on two cores within a few minutes. */
function runsFor(options: BenchOptions) {
  return options.quick ? { typical: 2, heavy: 1, appLoads: 1 } : { typical: 5, heavy: 3, appLoads: 5 };
}

/**
 * `npm run bench`: builds the bench page (and the app), serves both from one origin, drives
 * Chromium, prints a table of medians on stdout (progress on stderr) and optionally writes JSON.
 * Returns the process exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const runs = runsFor(options);
  const figures: Figure[] = [];
  const left: string[] = [];

  if (options.network) {
    // Pure computation: measured in node, before any browser competes for the two cores.
    for (const dataset of ['typical', 'heavy'] as const) {
      log(`network figures (${dataset})…`);
      const network = generateNetwork(DATASETS[dataset], BENCH_SEED);
      try {
        for (const raw of networkFigures({ dataset, runs: options.quick ? 2 : 7, network })) {
          figures.push(summarise(raw.name, raw.dataset, raw.unit, raw.values));
        }
      } catch (err) {
        left.push(`network figures (${dataset}) failed: ${(err as Error).message.split('\n')[0]}`);
      }
      log(`truth figures (${dataset}, seeds ${TRUTH_SEEDS.join(', ')})…`);
      try {
        const truth = truthFigures({ dataset, networks: new Map([[BENCH_SEED, network]]) });
        for (const raw of truth.figures) {
          figures.push(summarise(raw.name, raw.dataset, raw.unit, raw.values, raw.bySeed));
        }
        for (const note of truth.notes) log(note);
      } catch (err) {
        left.push(`truth figures (${dataset}) failed: ${(err as Error).message.split('\n')[0]}`);
      }
    }
  }
  if (options.transfer) {
    log('import, export and backup figures…');
    try {
      figures.push(...(await measureTransferFigures({ dataset: 'heavy', runs: options.quick ? 1 : 3, log })));
    } catch (err) {
      left.push(`transfer figures failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (options.sync) {
    log('sync figures (heavy)…');
    try {
      const network = generateNetwork(DATASETS.heavy, BENCH_SEED);
      figures.push(
        ...(await measureSyncFigures({
          dataset: 'heavy',
          collections: {
            people: network.people,
            encounters: network.encounters,
            communities: network.communities,
            ties: network.ties,
            followups: network.followUps,
          },
          runs: options.quick ? 1 : 3,
          edits: options.quick ? 10 : 30,
          log,
        })),
      );
    } catch (err) {
      left.push(`sync figures failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (!options.data && !options.copy && !options.app && !options.map) {
    process.stdout.write(`${formatTable(figures)}\n`);
    printTruth(figures);
    if (options.json) await writeJson(options.json, figures);
    for (const item of left) log(`NOT MEASURED: ${item}`);
    return left.length > 0 ? 1 : 0;
  }

  log('building the bench page…');
  await buildBenchPage();
  let appReady = false;
  if (options.app || options.map) {
    log('building the app…');
    const error = await buildApp();
    if (error) left.push(`app figures: the renderer did not build (${error.message.split('\n')[0]})`);
    else appReady = true;
  }
  const server = await startStaticServer({
    roots: { '/bench/': BENCH_OUT, ...(appReady ? { '/': APP_OUT } : {}) },
  });
  try {
    if (options.data) {
      await withBrowser(async (context) => {
        const page = await benchPage(context, server.url);
        figures.push(...(await measureInserts(page, 'typical', runs.typical, log, true)));
        figures.push(...(await measureInserts(page, 'heavy', runs.heavy, log)));
      }).catch((err: Error) => left.push(`data figures failed: ${err.message.split('\n')[0]}`));
    }
    if (options.data || options.copy) {
      await withBrowser(async (context) => {
        const page = await benchPage(context, server.url);
        figures.push(...(await measureSafetyCopy(page, 'typical', runs.typical, log)));
        figures.push(...(await measureSafetyCopy(page, 'heavy', runs.heavy, log)));
      }).catch((err: Error) => left.push(`safety copy figures failed: ${err.message.split('\n')[0]}`));
    }
    if (appReady && options.app) {
      // A fresh profile: the app's database must hold exactly the seeded journal.
      await withBrowser(async (context) => {
        watchErrors(context);
        figures.push(
          ...(await measureApp({ context, url: server.url, dataset: 'heavy', loads: runs.appLoads, log })),
        );
      }).catch((err: Error) => left.push(`app figures failed: ${err.message.split('\n')[0]}`));
    }
    if (appReady && options.map) {
      const chosen = options.mapDatasets;
      const withStress = options.stress || chosen.includes('stress');
      const datasets = (['typical', 'heavy', 'stress'] as const).filter(
        (d) => (d !== 'stress' || withStress) && (chosen.length === 0 || chosen.includes(d)),
      );
      for (const dataset of datasets) {
        // A fresh profile per dataset: the app's database must hold exactly that journal.
        await withBrowser(async (context) => {
          watchErrors(context);
          const loads = dataset === 'stress' ? runs.heavy : runs.appLoads;
          figures.push(...(await measureMapPictures({ context, url: server.url, dataset, loads, log })));
        }).catch((err: Error) => left.push(`map figures (${dataset}) failed: ${err.message.split('\n')[0]}`));
      }
    }
  } finally {
    await server.close();
  }

  process.stdout.write(`${formatTable(figures)}\n`);
  printTruth(figures);
  if (options.json) await writeJson(options.json, figures);
  for (const item of left) log(`NOT MEASURED: ${item}`);
  return left.length > 0 ? 1 : 0;
}

function printTruth(figures: readonly Figure[]): void {
  const pairs = formatTruthPairs(figures);
  if (pairs) process.stdout.write(`\n${pairs}\n`);
}

async function writeJson(path: string, figures: readonly Figure[]): Promise<void> {
  const file = resolve(process.cwd(), path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
  log(`wrote ${figures.length} figures to ${file}`);
}

async function withBrowser(work: (context: BrowserContext) => Promise<void>): Promise<void> {
  const profile: Profile = await createProfile();
  const context = await launchChromium(profile);
  try {
    await work(context);
  } finally {
    await context.close();
    await profile.remove();
  }
}

async function benchPage(context: BrowserContext, url: string): Promise<Page> {
  watchErrors(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${url}bench/`);
  await page.waitForFunction(() => window.kithBench !== undefined);
  return page;
}

/** Errors inside the page would otherwise only show up as a confusing timeout. */
function watchErrors(context: BrowserContext): void {
  context.on('weberror', (e) => log(`page error: ${e.error().message}`));
  context.on('console', (msg) => {
    // Failed loads are reported with their address below; the console line does not say which.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      log(`page console: ${msg.text()}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      log(`page request failed: ${response.status()} ${response.url()}`);
    }
  });
}
