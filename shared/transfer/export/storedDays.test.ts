import { describe, expect, it } from 'vitest';
import { encounter, OWNER, person, tie } from '../../network/testing';
import { exportEncountersCsv } from './csv';
import type { JournalData } from './journal';
import { exportMarkdownJournal } from './markdown';
import { exportNetworkGexf, exportNetworkGraphml } from './network';

// A journal that holds a day no calendar has (brought by sync or a backup) must still export: the
// exports are how a person gets their data out, and repairs it elsewhere if need be.
function journalWithBadDays(): JournalData {
  return {
    people: [person(OWNER, { name: 'Me' }), person('ana', { name: 'Ana' }), person('ben', { name: 'Ben' })],
    encounters: [
      encounter('2026-03-01', ['ana'], { title: 'Coffee' }),
      encounter('2026-02-30', ['ana', 'ben'], { title: 'Impossible lunch' }),
      encounter('not-a-date', ['ben'], { title: 'Lost evening' }),
    ],
    communities: [],
    ties: [tie('ana', 'ben', 'friend', '2026-13-01')],
    followups: [],
  };
}

describe('exports of a journal with days that do not exist', () => {
  it('Markdown lists every encounter, the bad days as stored and said to be unknown', () => {
    const text = exportMarkdownJournal(journalWithBadDays());
    expect(text).toContain('## 2026\\-02\\-30 (unknown date)');
    expect(text).toContain('## not\\-a\\-date (unknown date)');
    expect(text).toContain('## 2026-03-01 (Sunday)');
    expect(text).toContain('Impossible lunch');
    expect(text).toContain('Lost evening');
  });

  it('CSV keeps the stored day as it is', () => {
    const csv = exportEncountersCsv(journalWithBadDays());
    expect(csv).toContain('2026-02-30');
    expect(csv).toContain('not-a-date');
  });

  it('GEXF and GraphML leave those encounters and the tie out of the strengths instead of failing', () => {
    const gexf = exportNetworkGexf(journalWithBadDays(), '2026-03-10');
    expect(gexf).toContain('Ana');
    expect(exportNetworkGraphml(journalWithBadDays(), '2026-03-10')).toContain('Ana');
  });
});
