import type { Page } from 'playwright-core';
import { BENCH_SEED, type DatasetName } from '../../shared/sample';
import type { RawVariant, RxdbVariant } from './api';
import { summarise, type Figure } from './stats';

interface Side {
  /** The figure's name, after "bulk insert <dataset> ". */
  label: string;
  rxdb?: RxdbVariant;
  raw?: RawVariant;
}

const RXDB: Side = { label: '(RxDB, IndexedDB)', rxdb: {} };
const RAW: Side = { label: '(raw IndexedDB)', raw: {} };
/** Diagnostic: what z-schema validation costs (the app always validates). */
const RXDB_UNVALIDATED: Side = {
  label: '(RxDB, IndexedDB, no schema validation)',
  rxdb: { validate: false },
};

/**
 * Bulk insert of one dataset into RxDB (Dexie on IndexedDB) and the same documents with raw
 * IndexedDB, interleaved run by run (the order rotates) so that every side sees the same machine
 * state; the RxDB/raw ratio is taken per run, then its median. `diagnostics` adds the variant
 * without schema validation.
 */
export async function measureInserts(
  page: Page,
  dataset: DatasetName,
  runs: number,
  log: (message: string) => void,
  diagnostics = false,
): Promise<Figure[]> {
  log(`generating ${dataset} in the page…`);
  const generated = await page.evaluate(([d, seed]) => window.kithBench!.generate(d, seed), [
    dataset,
    BENCH_SEED,
  ] as const);
  const total = Object.values(generated.counts).reduce((a, b) => a + b, 0);
  log(
    `generated ${dataset} in ${Math.round(generated.ms)} ms: ${total} documents ${JSON.stringify(generated.counts)}`,
  );

  const sides = diagnostics ? [RXDB, RAW, RXDB_UNVALIDATED] : [RXDB, RAW];
  const times = new Map<Side, number[]>(sides.map((s) => [s, []]));
  const ratio: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const shift = (run - 1) % sides.length;
    const order = [...sides.slice(shift), ...sides.slice(0, shift)];
    const ms = new Map<Side, number>();
    for (const side of order) {
      const dbName = `bench-${dataset}-${run}-${sides.indexOf(side)}-${Date.now()}`;
      const value = side.rxdb
        ? await page.evaluate(([d, n, v]) => window.kithBench!.rxdbInsert(d, n, v), [
            dataset,
            dbName,
            side.rxdb,
          ] as const)
        : await page.evaluate(([d, n, v]) => window.kithBench!.rawInsert(d, n, v), [
            dataset,
            dbName,
            side.raw,
          ] as const);
      ms.set(side, value);
      times.get(side)?.push(value);
    }
    const r = (ms.get(RXDB) as number) / (ms.get(RAW) as number);
    ratio.push(r);
    log(
      `${dataset} run ${run}/${runs}: ${sides.map((s) => `${s.label} ${Math.round(ms.get(s) ?? 0)} ms`).join(', ')}; ` +
        `RxDB/raw ${r.toFixed(2)}`,
    );
  }
  return [
    ...sides.map((s) => summarise(`bulk insert ${dataset} ${s.label}`, dataset, 'ms', times.get(s) ?? [])),
    summarise(`bulk insert ${dataset} RxDB/raw ratio`, dataset, 'x', ratio),
    summarise(`generate ${dataset} in Chromium`, dataset, 'ms', [generated.ms]),
  ];
}

/**
 * What the safety copy costs each import and restore, in Chromium: keeping the journal as a backup
 * file (in memory and in the origin private file system) before the first document is written, and
 * releasing it after. Each run seeds a fresh database (not timed).
 */
export async function measureSafetyCopy(
  page: Page,
  dataset: DatasetName,
  runs: number,
  log: (message: string) => void,
): Promise<Figure[]> {
  await page.evaluate(([d, seed]) => window.kithBench!.generate(d, seed), [dataset, BENCH_SEED] as const);
  const keep: number[] = [];
  const release: number[] = [];
  let chars = 0;
  for (let run = 1; run <= runs; run++) {
    const dbName = `bench-copy-${dataset}-${run}-${Date.now()}`;
    const result = await page.evaluate(([d, n]) => window.kithBench!.safetyCopy(d, n), [
      dataset,
      dbName,
    ] as const);
    keep.push(result.keepMs);
    release.push(result.releaseMs);
    chars = result.chars;
    log(
      `${dataset} safety copy run ${run}/${runs}: keep ${Math.round(result.keepMs)} ms, release ` +
        `${Math.round(result.releaseMs)} ms, ${(chars / 1e6).toFixed(1)} M characters`,
    );
  }
  return [
    summarise(`safety copy ${dataset}: keep (backup + OPFS write)`, dataset, 'ms', keep),
    summarise(`safety copy ${dataset}: release`, dataset, 'ms', release),
    summarise(`safety copy ${dataset}: size`, dataset, 'M chars', [chars / 1e6]),
  ];
}
