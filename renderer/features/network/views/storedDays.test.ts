import { describe, expect, it } from 'vitest';
import { OWNER, encounter, person } from '../../../../shared/network/testing';
import { networkComposition } from './composition';
import { buildCompositionIndex } from './compositionIndex';
import { activityHeatmap } from './heatmap';
import { personTieHistory } from './personTie';

// Encounters on days that do not exist (from sync or a backup) are left out of the charts, which
// show the rest of the journal exactly as they would without them.
describe('network views with days that do not exist', () => {
  const good = [encounter('2024-01-10', ['ana'], { context: 'club' }), encounter('2024-02-10', ['ana'])];
  const bad = [encounter('not-a-date', ['ana']), encounter('2024-02-30', ['ana', 'ben'])];

  it('the composition chart counts only the real days', () => {
    const clean = networkComposition(buildCompositionIndex(good, OWNER), '2024-03-31');
    const withBad = networkComposition(buildCompositionIndex([...bad, ...good], OWNER), '2024-03-31');
    expect(withBad).toEqual(clean);
  });

  it('the strength timeline of a person skips them', () => {
    const history = personTieHistory(person(OWNER), person('ana'), [...bad, ...good], '2024-06-01');
    expect(history?.contactDays).toEqual(['2024-01-10', '2024-02-10']);
    // Someone met only on impossible days has no timeline rather than a broken one.
    expect(personTieHistory(person(OWNER), person('ben'), bad, '2024-06-01')).toBeNull();
  });

  it('the heatmap counts only the real days', () => {
    expect(activityHeatmap([...bad, ...good], '2024-06-01').total).toBe(2);
  });
});
