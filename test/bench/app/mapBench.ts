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
/** Zoom steps toward the middle of the map ("+" on the canvas), one every few frames. */
const ZOOM_PRESSES = 8;
const ZOOM_GAP_MS = 50;
/** Long enough for the last zoom frame and any picture that follows it. */
const AFTER_ZOOM_MS = 800;
/** The default view is measured once the settled picture has had time to be drawn. */
const REST_MS = 500;

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
  for (let load = 1; load <= options.loads; load++) {
    await measureOnce(page, url, add);
    log(
      `map load ${load}/${options.loads} (${dataset}): ${[...samples]
        .filter(([n]) => n !== 'zoomFrame')
        .map(([n, v]) => `${n} ${Math.round(v.at(-1) ?? 0)}`)
        .join(', ')}`,
    );
  }
  const names: [string, string, string][] = [
    ['readable', `map opened to first readable picture ${dataset} (map)`, 'ms'],
    ['settled', `map opened to settled picture ${dataset} (map)`, 'ms'],
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
    ['openLongTask', `longest main-thread task from opening the map to settled ${dataset} (map)`, 'ms'],
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
