/**
 * Large imports: the counts come out right and the time grows linearly with the input (a quadratic step — string
 * concatenation in a loop, a scan per record — would make 4× the input take 16× the time). Timings are printed;
 * the machine may be busy, so the bound is loose.
 */
import { describe, expect, it } from 'vitest';
import { importIcs, importLinkedInCsv, importVcard } from '../../../shared/transfer/import';
import { bigIcs, bigLinkedInCsv, bigVcf } from './bigInputs';

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

/** Best of two runs, to shave off a busy neighbour's noise. */
function best<T>(run: () => T): { ms: number; result: T } {
  const a = time(run);
  const b = time(run);
  return a.ms <= b.ms ? a : b;
}

const YEAR = { from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Berlin' };

describe('imports at scale', () => {
  it('reads 50,000 LinkedIn rows in linear time', () => {
    const [a, b] = [bigLinkedInCsv(12_500), bigLinkedInCsv(50_000)];
    const small = best(() => importLinkedInCsv('c.csv', a));
    const large = best(() => importLinkedInCsv('c.csv', b));
    console.log(`csv: 12,500 rows ${small.ms.toFixed(0)} ms; 50,000 rows ${large.ms.toFixed(0)} ms`);
    expect(large.result.people).toHaveLength(50_000);
    expect(large.result.problems).toEqual([]);
    expect(large.ms / small.ms).toBeLessThan(10);
  });

  it('reads 50,000 vCards in linear time', () => {
    const [a, b] = [bigVcf(12_500), bigVcf(50_000)];
    const small = time(() => importVcard('c.vcf', a));
    const large = time(() => importVcard('c.vcf', b));
    console.log(`vcard: 12,500 cards ${small.ms.toFixed(0)} ms; 50,000 cards ${large.ms.toFixed(0)} ms`);
    expect(small.result.people).toHaveLength(12_500);
    expect(large.result.people).toHaveLength(50_000);
    expect(large.result.problems).toEqual([]);
    expect(large.ms / small.ms).toBeLessThan(10);
  });

  it('reads 5,000 calendar events (some recurring) in linear time', () => {
    const [a, b] = [bigIcs(1_250), bigIcs(5_000)];
    const small = best(() => importIcs('c.ics', a, YEAR));
    const large = best(() => importIcs('c.ics', b, YEAR));
    console.log(`ics: 1,250 events ${small.ms.toFixed(0)} ms; 5,000 events ${large.ms.toFixed(0)} ms`);
    // Every 20th event is a weekly series of 10 occurrences.
    expect(large.result.encounters).toHaveLength(5_000 - 250 + 250 * 10);
    expect(large.result.problems).toEqual([]);
    expect(large.ms / small.ms).toBeLessThan(10);
  });
});
