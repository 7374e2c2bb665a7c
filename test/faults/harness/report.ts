import type { Check, ScenarioKind } from './scenario';

/** One line of the published table (and of the JSON). */
export interface Row {
  scenario: string;
  kind: ScenarioKind;
  outcome: 'pass' | 'fail';
  /** Why, in a few words. */
  phrase: string;
  /** Acknowledged documents missing or older afterwards; null when the scenario could not measure it. */
  lost: number | null;
  /** Forged, rolled-back, invalid or half-written documents applied or kept; null when not measured. */
  wronglyAccepted: number | null;
  seconds: number;
  seed: number;
  checks: Check[];
  measured: Record<string, unknown>;
}

export interface Report {
  suite: 'kith-faults';
  seed: number;
  startedAt: string;
  commit: string;
  rows: Row[];
  passed: number;
  failed: number;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** A plain-text table, one row per scenario, for the terminal and the README. */
export function formatTable(rows: readonly Row[]): string {
  const head = ['scenario', 'outcome', 'lost', 'wrongly accepted', 'time'];
  const body = rows.map((r) => [
    r.scenario,
    cut(`${r.outcome}: ${r.phrase}`, 110),
    r.lost === null ? '?' : String(r.lost),
    r.wronglyAccepted === null ? '?' : String(r.wronglyAccepted),
    `${r.seconds.toFixed(0)} s`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
