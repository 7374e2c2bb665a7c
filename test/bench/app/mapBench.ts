import type { BrowserContext, Page } from 'playwright-core';
import { BENCH_SEED, type DatasetName } from '../../../shared/sample';
import { summarise, type Figure } from '../stats';
import { pollProbe } from './appFigures';
import { lastFrameCounts, openMapPictures, pageNow, scrubEnd, stageStarts } from './mapProbes';
import { installProbes } from './probes';
import { longestTask, startTaskTrace } from './taskTrace';

export interface MapBenchOptions {
  context: BrowserContext;
  url: string;
  dataset: DatasetName;
  /** Fresh app loads, each opening the map once. */
  loads: number;
  log(message: string): void;
}

const APP_DATABASE = 'kith';
/** The prefix of a reopen's samples. */
const REOPEN = 'reopen ';
/** Zoom steps toward the middle of the map ("+" on the canvas), one every few frames. */
const ZOOM_PRESSES = 8;
const ZOOM_GAP_MS = 50;
/** Long enough for the last zoom frame and any picture that follows it. */
const AFTER_ZOOM_MS = 800;
/** The default view is measured once the settled picture has had time to be drawn. */
const REST_MS = 500;
/**
 * How long the app stays open after a cold open before it is loaded again, as a person would leave
 * it a while: the map's worker keeps its copy of the journal once the map has settled, which on the
 * heavy journal takes seconds (renderer/features/network/model/keptJournal.ts). A reopen sooner
 * than that finds no copy and is read as the first opening was.
 */
const OPEN_A_WHILE_MS = 15_000;

/**
 * The map's legibility figures (issue 11): from opening the Network page to the first readable
 * picture and to the settled one, what the default view draws (people, ties, names, bubbles),
 * frame time while zooming in, and the longest main-thread task while the map opens.
 */
export async function measureMapPictures(options: MapBenchOptions): Promise<Figure[]> {
  const { context, url, dataset, log } = options;
  const page = context.pages()[0] ?? (await context.newPage());
  await context.addInitScript(installProbes);
  await page.goto(`${url}bench/`);
  await page.waitForFunction(() => window.kithBench !== undefined);
  await page.evaluate(([d, seed]) => window.kithBench?.generate(d, seed), [dataset, BENCH_SEED] as const);
  log(`seeding the app's database with ${dataset}…`);
  await page.evaluate(([d, name]) => window.kithBench?.seedApp(d, name), [dataset, APP_DATABASE] as const);

  const samples = new Map<string, number[]>();
  const add = (name: string, value: number) => samples.set(name, [...(samples.get(name) ?? []), value]);
  // Cold opens (no map kept from before: the model is built from the journal while the page waits)
  // alternate with reopens (the app loaded again: the map kept by the cold open before is shown at
  // once, marked as refreshing, and replaced in place); each kind is reported on its own.
  for (let load = 1; load <= options.loads * 2; load++) {
    const cold = load % 2 === 1;
    const prefix = cold ? '' : REOPEN;
    if (cold) await page.evaluate(forgetKeptMaps);
    await measureOnce(page, url, (name, value) => add(prefix + name, value));
    if (cold) await page.waitForTimeout(OPEN_A_WHILE_MS);
    log(
      `map load ${load}/${options.loads * 2} (${dataset}, ${cold ? 'cold' : 'reopen'}): ${[...samples]
        .filter(([n]) => !n.endsWith('zoomFrame') && (n.startsWith(REOPEN) ? !cold : cold))
        .map(([n, v]) => `${n.replace(REOPEN, '')} ${Math.round(v.at(-1) ?? 0)}`)
        .join(', ')}`,
    );
  }
  const names: [string, string, string][] = [
    ['readable', `map opened cold to first readable picture ${dataset} (map)`, 'ms'],
    ['settled', `map opened cold to settled picture ${dataset} (map)`, 'ms'],
    [`${REOPEN}readable`, `map reopened to first readable picture (kept map) ${dataset} (map)`, 'ms'],
    [`${REOPEN}stage:snapshot`, `map reopened to the kept map placed ${dataset} (map)`, 'ms'],
    [`${REOPEN}settled`, `map reopened to settled fresh picture ${dataset} (map)`, 'ms'],
    [
      `${REOPEN}openLongTask`,
      `longest main-thread task from reopening the map to settled ${dataset} (map)`,
      'ms',
    ],
    ['people', `people drawn in the default view ${dataset} (map)`, 'marks'],
    ['ties', `ties drawn in the default view ${dataset} (map)`, 'marks'],
    ['bubbles', `communities drawn as bubbles in the default view ${dataset} (map)`, 'marks'],
    ['bundles', `bundles of ties between communities in the default view ${dataset} (map)`, 'marks'],
    ['labels', `names drawn in the default view ${dataset} (map)`, 'labels'],
    ['zoomFrame', `frame time while zooming in ${dataset} (map, per frame)`, 'ms'],
    ['stage:feed people', `map opened to its people read for the model ${dataset} (map)`, 'ms'],
    ['stage:feed encounters', `map opened to its encounters read for the model ${dataset} (map)`, 'ms'],
    ['stage:feed ties', `map opened to its ties read for the model ${dataset} (map)`, 'ms'],
    ['stage:reading', `map opened to reading the journal into the model ${dataset} (map)`, 'ms'],
    ['stage:strengths', `map opened to working out tie strengths ${dataset} (map)`, 'ms'],
    ['stage:communities', `map opened to finding communities ${dataset} (map)`, 'ms'],
    ['stage:layout', `map opened to placing people ${dataset} (map)`, 'ms'],
    ['openLongTask', `longest main-thread task from opening the map cold to settled ${dataset} (map)`, 'ms'],
    ['zoomLongTask', `longest main-thread task while zooming in ${dataset} (map)`, 'ms'],
  ];
  return names.flatMap(([key, name, unit]) => {
    const values = samples.get(key);
    return values && values.length > 0 ? [summarise(name, dataset, unit, values)] : [];
  });
}

async function measureOnce(page: Page, url: string, add: (name: string, value: number) => void) {
  await page.goto(url);
  await pollProbe(page);
  const trace = await startTaskTrace(page);
  const opened = await page.evaluate(openMapPictures);
  if (process.env.KITH_BENCH_DIAG)
    process.stderr.write(
      `DIAG opened at ${Math.round(opened.start)}, readable at ${Math.round(opened.readable)}\n`,
    );
  add('readable', opened.readable - opened.start);
  add('settled', opened.settled - opened.start);
  // Where the time to the first picture goes (builds without stage marks report none).
  const stages = await page.evaluate(stageStarts, opened.start);
  for (const [stage, at] of Object.entries(stages)) add(`stage:${stage}`, at);
  await page.waitForTimeout(REST_MS);
  const counts = await page.evaluate(lastFrameCounts);
  if (counts) for (const [key, value] of Object.entries(counts)) add(key, value);

  const canvas = page.getByRole('img', { name: /^Network map/ });
  await canvas.focus();
  const from = await page.evaluate(pageNow);
  for (let i = 0; i < ZOOM_PRESSES; i++) {
    await page.keyboard.press('+');
    await page.waitForTimeout(ZOOM_GAP_MS);
  }
  await page.waitForTimeout(AFTER_ZOOM_MS);
  const zoom = await page.evaluate(scrubEnd, from);
  if (zoom.frames.length === 0) throw new Error('Zooming in drew no map frames.');
  for (const ms of zoom.frames) add('zoomFrame', ms);

  const tasks = await trace.stop();
  add('openLongTask', longestTask(tasks, opened.start, opened.settled));
  add('zoomLongTask', longestTask(tasks, from, zoom.end));
}

/**
 * Forgets the maps and the copies of the journal the map's worker kept (snapshot.ts, keptJournal.ts
 * in renderer/features/network/model): the next open is cold, read whole from the journal.
 */
async function forgetKeptMaps(): Promise<void> {
  for (const name of ['kith-map-snapshot', 'kith-map-journal']) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`${name} could not be forgotten.`));
    });
  }
}
