export interface BenchOptions {
  /** Also write the figures as JSON here. */
  json?: string;
  /** Which groups of figures to measure. */
  data: boolean;
  app: boolean;
  network: boolean;
  transfer: boolean;
  sync: boolean;
  /** What the safety copy costs each import and restore in Chromium (also part of `data`). */
  copy: boolean;
  /** The map's legibility figures (first readable picture, budget, zoom), typical and heavy. */
  map: boolean;
  /** Also measure the map figures on the stress dataset (25,000 people; slow). */
  stress: boolean;
  /** Only these datasets for the map figures (--dataset, repeatable); all of them when empty. */
  mapDatasets: string[];
  /** Fewer runs, for checking the harness itself (figures are then not worth quoting). */
  quick: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--json FILE] [--only data|copy|app|network|transfer|sync|map] [--stress] [--dataset NAME] [--quick] [--help]

Measures in headless Chromium (/usr/bin/chromium, or $CHROMIUM_PATH); prints a table of medians on
stdout and progress on stderr; exits 1 if a group of figures could not be measured.

  --json FILE   also write the figures to FILE as a JSON array of { name, dataset, median, unit, p95, runs },
                the truth figures with bySeed: { seed: median over its dates }
  --only data   only the database figures (bulk insert, RxDB and raw IndexedDB, and the safety copy)
  --only copy   only what the safety copy costs an import (keeping the journal as a backup file in
                memory and in the origin private file system, and releasing it), typical and heavy
  --only app    only the app figures (journal first paint, filter and quick-switcher latency,
                network map layout, long tasks and scrubbing frame time)
  --only network  only the network model figures (strength, communities, introduction path), in node,
                and the truth figures: the model against the generator's truth on three seeds at four
                dates each, beside a learned reference fitted on the other seeds (docs/truth-figures.md);
                about a minute and a half
  --only transfer only the import, export and backup figures (vcard, csv, ics, backup, restore), in node
  --only sync     only the sync figures (initial sync plain and encrypted, live propagation), in node
  --only map      only the map's legibility figures on typical and heavy (opening the Network page to
                the first readable picture and to the settled one, people, ties and names drawn in
                the default view, frame time while zooming in, longest main-thread task)
  --stress      with the map figures, also the stress dataset (25,000 people; several minutes)
  --dataset NAME  the map figures on this dataset only (typical, heavy or stress; repeatable)
  --quick       one or two runs each, to check the harness; not for quoting (the truth figures are
                not timings and are computed in full either way)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    data: true,
    app: true,
    network: true,
    transfer: true,
    sync: true,
    copy: true,
    map: true,
    stress: false,
    mapDatasets: [],
    quick: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') {
      const file = argv[++i];
      if (!file || file.startsWith('--'))
        throw new Error('--json needs a file name, e.g. --json bench-results/bench.json');
      options.json = file;
    } else if (arg === '--only') {
      const which = argv[++i];
      if (!isGroup(which))
        throw new Error(
          `--only takes one of ${GROUPS.map((g) => `"${g}"`).join(', ')}, not "${which ?? ''}".`,
        );
      for (const group of GROUPS) options[group] = group === which;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === '--stress') {
      options.stress = true;
    } else if (arg === '--dataset') {
      const name = argv[++i];
      if (name !== 'typical' && name !== 'heavy' && name !== 'stress')
        throw new Error(`--dataset takes typical, heavy or stress, not "${name ?? ''}".`);
      options.mapDatasets.push(name);
    } else if (arg === '--quick') {
      options.quick = true;
    } else {
      throw new Error(`Unknown argument "${arg}".`);
    }
  }
  return options;
}

const GROUPS = ['data', 'copy', 'app', 'network', 'transfer', 'sync', 'map'] as const;
type Group = (typeof GROUPS)[number];

function isGroup(value: string | undefined): value is Group {
  return (GROUPS as readonly (string | undefined)[]).includes(value);
}
