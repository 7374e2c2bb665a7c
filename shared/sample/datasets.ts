/**
 * The benchmark datasets of shared/notes/performance-targets.md. `ties` counts explicit
 * person-to-person tie documents; the owner's own ties come from encounters.
 */
export interface DatasetSpec {
  people: number;
  ties: number;
  encounters: number;
  years: number;
}

export const DATASETS = {
  typical: { people: 500, ties: 3_000, encounters: 5_000, years: 8 },
  heavy: { people: 5_000, ties: 50_000, encounters: 40_000, years: 15 },
  stress: { people: 25_000, ties: 250_000, encounters: 200_000, years: 20 },
} as const satisfies Record<string, DatasetSpec>;

export type DatasetName = keyof typeof DATASETS;

/** The seed the benchmarks use, so every run measures the same journal. */
export const BENCH_SEED = 20261101;

/** Refuses specs the generator cannot honour exactly, naming the field at fault. */
export function checkSpec(spec: DatasetSpec): void {
  const problems: string[] = [];
  for (const field of ['people', 'ties', 'encounters'] as const) {
    const v = spec[field];
    if (!Number.isInteger(v) || v < 0)
      problems.push(`${field} must be a whole number of at least 0 (got ${v}).`);
  }
  if (!(spec.years > 0 && spec.years <= 100))
    problems.push(`years must be between 0 and 100 (got ${spec.years}).`);
  if (spec.people < 2 && spec.ties > 0) problems.push('ties need at least two people.');
  if (spec.people === 0 && spec.encounters > 0) problems.push('encounters need at least one person.');
  if (spec.encounters < spec.people) {
    problems.push(
      `encounters (${spec.encounters}) must be at least people (${spec.people}): everyone is met once.`,
    );
  }
  const pairs = (spec.people * (spec.people - 1)) / 2;
  if (spec.ties > pairs / 4) {
    problems.push(`ties (${spec.ties}) must be at most a quarter of all ${pairs} pairs of people.`);
  }
  if (problems.length > 0) throw new RangeError(`Invalid dataset spec: ${problems.join(' ')}`);
}
