import { describe, expect, it } from 'vitest';
import type { Encounter } from '../domain/entities';
import { BENCH_SEED, DATASETS, generateNetwork } from '../sample';
import { closenessAt } from '../sample/truth';
import { dayNumber } from './days';
import { spearman } from './rank';
import { resolveStrengthSettings } from './settingsSchema';
import type { OwnerTieDetail } from './tieDetail';
import { buildTimeIndex } from './timeIndex';

const net = generateNetwork(DATASETS.typical, BENCH_SEED);
const people = [net.owner, ...net.people];
const reference = dayNumber(net.truth.referenceDay);

/** The journal with only the ratings of encounters among `keep` (a group with anyone else loses its rating). */
function ratedOnly(keep: ReadonlySet<string>): Encounter[] {
  return net.encounters.map((e) =>
    e.rating > 0 && !e.participantIds.every((id) => keep.has(id)) ? { ...e, rating: 0 } : e,
  );
}

const ratedPeople = (() => {
  const rated = new Set<string>();
  for (const e of net.encounters) if (e.rating > 0) for (const id of e.participantIds) rated.add(id);
  return net.people.filter((p) => rated.has(p.id)).map((p) => p.id);
})();

// Every third rated person is held out: their ratings are removed, and the learned closeness of
// their (now unrated) ties is compared with the generator's true closeness.
const heldOut = ratedPeople.filter((_, i) => i % 3 === 0);
const training = ratedPeople.filter((_, i) => i % 3 !== 0);

function heldOutSpearman(trainOn: readonly string[]): number {
  const index = buildTimeIndex(people, ratedOnly(new Set(trainOn)), net.ties);
  const predicted: number[] = [];
  const truth: number[] = [];
  for (const id of heldOut) {
    const p = index.personIndex.get(id) as number;
    const tie = index.people[p]?.ownerTie ?? -1;
    const detail = index.tieAt(tie, reference) as OwnerTieDetail;
    if (!detail.learned) continue;
    predicted.push(detail.learned.closeness);
    truth.push(
      closenessAt(
        net.truth,
        net.people.findIndex((x) => x.id === id),
        reference,
      ),
    );
  }
  return spearman(predicted, truth);
}

describe('learning from the owner’s ratings', () => {
  it('moves towards the generator’s truth as the owner rates more people', () => {
    expect(heldOut.length).toBeGreaterThan(50);
    const few = heldOutSpearman(training.slice(0, 25));
    const all = heldOutSpearman(training);
    expect(all).toBeGreaterThan(few);
    // 0.36 with 25 rated people, 0.69 with all ~200 on this seed.
    expect(all).toBeGreaterThan(0.5);
  });

  it('falls back to the defaults with too few rated people, or when switched off', () => {
    const few = new Set(training.slice(0, 10));
    const encounters = ratedOnly(few);
    const index = buildTimeIndex(people, encounters, net.ties);
    const off = buildTimeIndex(
      people,
      encounters,
      net.ties,
      resolveStrengthSettings({ learnFromRatings: false }),
    );
    expect(index.learned).toBeNull();
    expect([...index.strengthsAt(reference)]).toEqual([...off.strengthsAt(reference)]);

    const enough = buildTimeIndex(people, net.encounters, net.ties);
    expect(enough.learned?.ratedPeople).toBe(ratedPeople.length);
    const switchedOff = buildTimeIndex(
      people,
      net.encounters,
      net.ties,
      resolveStrengthSettings({ learnFromRatings: false }),
    );
    expect(switchedOff.learned).toBeNull();
  });

  it('never changes the strength of a tie rated by then, only of the unrated ones', () => {
    const on = buildTimeIndex(people, net.encounters, net.ties);
    const off = buildTimeIndex(
      people,
      net.encounters,
      net.ties,
      resolveStrengthSettings({ learnFromRatings: false }),
    );
    expect(on.learned).not.toBeNull();
    const a = on.strengthsAt(reference);
    const b = off.strengthsAt(reference);
    let rated = 0;
    let unratedChanged = 0;
    for (let i = 0; i < on.ownerTieCount; i++) {
      const detail = on.tieAt(i, reference) as OwnerTieDetail;
      if ((detail.measures?.ratingWeight ?? 0) > 0) {
        rated++;
        expect(a[i]).toBe(b[i]);
        expect(detail.learned).toBeNull();
      } else if (a[i] !== b[i]) unratedChanged++;
    }
    expect(rated).toBeGreaterThan(100);
    expect(unratedChanged).toBeGreaterThan(50);
  });
});
