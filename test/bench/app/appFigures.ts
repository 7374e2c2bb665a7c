import type { BrowserContext, Page } from 'playwright-core';
import { BENCH_SEED, type DatasetName } from '../../../shared/sample';
import { LAST_NAMES } from '../../../shared/sample/names';
import { summarise, type Figure } from '../stats';
import { measureMap } from './mapFigures';
import {
  applyFilter,
  clearFilter,
  installProbes,
  switcherClosed,
  switcherSearch,
  type ProbeState,
} from './probes';

export interface AppBenchOptions {
  context: BrowserContext;
  /** Origin serving the app at / and the bench page at /bench/. */
  url: string;
  dataset: DatasetName;
  /** Fresh app loads; each gives one first-paint figure and a few interaction figures. */
  loads: number;
  log(message: string): void;
}

/** The database name the app opens (openDatabase's default). */
const APP_DATABASE = 'kith';
const CONTEXT_FILTERS = ['club', 'meeting', 'online'];
const TAG_FILTERS = ['mentor', 'investor'];
/** Surnames every generated journal of this size has many of. */
const QUERIES = LAST_NAMES.slice(51, 55);

/**
 * App-level figures on a journal holding `dataset`: the bench page seeds the app's own database
 * (same origin), then the app is loaded `loads` times. Each load measures first paint of the journal,
 * the full load, filter latency and quick-switcher latency, then opens the network map (layout settle,
 * long tasks, frame time while scrubbing; ./mapFigures.ts), all timed inside the page.
 * To add a figure: write a self-contained probe in ./probes.ts, call it in measureLoad, and give
 * its samples a name in the list at the end.
 */
export async function measureApp(options: AppBenchOptions): Promise<Figure[]> {
  const { context, url, dataset, log } = options;
  const page = context.pages()[0] ?? (await context.newPage());
  await context.addInitScript(installProbes);

  await page.goto(`${url}bench/`);
  await page.waitForFunction(() => window.kithBench !== undefined);
  await page.evaluate(([d, seed]) => window.kithBench?.generate(d, seed), [dataset, BENCH_SEED] as const);
  log(`seeding the app's database with ${dataset}…`);
  const seeded = await page.evaluate(([d, name]) => window.kithBench?.seedApp(d, name), [
    dataset,
    APP_DATABASE,
  ] as const);
  log(`seeded in ${Math.round(seeded?.ms ?? 0)} ms: ${JSON.stringify(seeded?.counts)}`);

  const samples = new Map<string, number[]>();
  const add = (name: string, value: number) => samples.set(name, [...(samples.get(name) ?? []), value]);
  for (let load = 1; load <= options.loads; load++) {
    await measureLoad(page, url, load, add);
    log(
      `app load ${load}/${options.loads}: ${[...samples]
        .filter(([n]) => n !== 'mapFrame')
        .map(([n, v]) => `${n} ${Math.round(v.at(-1) ?? 0)}`)
        .join(', ')}`,
    );
  }

  const names: [string, string][] = [
    ['firstPaint', `first journal paint ${dataset} (app)`],
    ['complete', `whole journal loaded ${dataset} (app)`],
    ['contextFilter', `journal filter by context ${dataset} (app)`],
    ['tagFilter', `journal filter by tag ${dataset} (app)`],
    ['switcherFirst', `quick switcher first search ${dataset} (app)`],
    ['switcher', `quick switcher search ${dataset} (app)`],
    ['layoutSettle', `layout settle time in the worker ${dataset} (map)`],
    ['layoutCompute', `layout compute time in the worker ${dataset} (map)`],
    ['layoutOpen', `map opened to layout settled ${dataset} (map)`],
    ['layoutLongTask', `longest main-thread task while the layout runs ${dataset} (map)`],
    ['layoutWindowLongTask', `longest main-thread task in the layout's own window ${dataset} (map)`],
    [
      'mapFrame',
      `frame time while scrubbing the time slider ${dataset} (map, per frame: from drawing until the thread that draws is free)`,
    ],
    ['scrubLongTask', `longest main-thread task while scrubbing ${dataset} (map)`],
    ['scrubFrames', `map frames drawn in 120 slider key presses ${dataset} (map)`],
  ];
  return names.flatMap(([key, name]) => {
    const values = samples.get(key);
    const unit = key === 'scrubFrames' ? 'frames' : 'ms';
    return values && values.length > 0 ? [summarise(name, dataset, unit, values)] : [];
  });
}

async function measureLoad(
  page: Page,
  url: string,
  load: number,
  add: (name: string, value: number) => void,
) {
  await page.goto(url);
  const timing = await pollProbe(page);
  add('firstPaint', timing.firstRowPainted);
  add('complete', timing.journalComplete);

  for (const value of CONTEXT_FILTERS) {
    add('contextFilter', await page.evaluate(applyFilter, ['Context', value] as [string, string]));
    await page.evaluate(clearFilter, 'Context');
  }
  for (const value of TAG_FILTERS) {
    add('tagFilter', await page.evaluate(applyFilter, ['Tag', value] as [string, string]));
    await page.evaluate(clearFilter, 'Tag');
  }

  for (const [i, query] of QUERIES.entries()) {
    const result = await page.evaluate(switcherSearch, QUERIES[(i + load) % QUERIES.length] ?? query);
    add(i === 0 ? 'switcherFirst' : 'switcher', i === 0 ? result.open + result.results : result.results);
    await page.keyboard.press('Escape');
    await page.waitForFunction(switcherClosed);
  }

  await measureMap(page, add);
}

/** Polls (not waitForFunction with an async function, which passes at once) until both load marks are set. */
export async function pollProbe(page: Page): Promise<{ firstRowPainted: number; journalComplete: number }> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const marks = await page.evaluate(() => {
      const p = window.__kithProbe as ProbeState | undefined;
      return { firstRowPainted: p?.firstRowPainted, journalComplete: p?.journalComplete };
    });
    if (marks.firstRowPainted !== undefined && marks.journalComplete !== undefined) {
      return { firstRowPainted: marks.firstRowPainted, journalComplete: marks.journalComplete };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The journal did not finish loading within 3 minutes.');
}
