import { describe, expect, it } from 'vitest';
import type { Tie } from '../domain/entities';
import type { TieKind } from '../domain/kinds';
import { dayNumber } from './days';
import { explainStrength, strengthWord } from './explain';
import { resolveStrengthSettings } from './settingsSchema';
import { OWNER, encounter, on, person, tie } from './testing';
import type { OwnerTieDetail } from './tieDetail';
import { buildTimeIndex } from './timeIndex';

// A close friend: rated 5, seen every month for three years, then never again.
const LAST = 36 * 30;
const friendship = Array.from({ length: 37 }, (_, k) => encounter(k * 30, ['ann'], { rating: 5 }));

function index(kind: TieKind | null, changes: object = {}) {
  const ties: Tie[] = kind ? [tie(OWNER, 'ann', kind)] : [];
  return buildTimeIndex([person(OWNER), person('ann')], friendship, ties, resolveStrengthSettings(changes));
}
const strengthOn = (i: ReturnType<typeof index>, day: number) =>
  i.strengthsAt(dayNumber(on(day)))[0] as number;

describe('closeness fading with silence', () => {
  it('weakens a silent friendship: strong at the last contact, very weak seven years on', () => {
    for (const kind of ['friend', null] as const) {
      const i = index(kind);
      expect(strengthOn(i, LAST)).toBeGreaterThanOrEqual(0.5);
      expect(strengthOn(i, LAST + 3 * 365)).toBeLessThan(0.3);
      expect(strengthWord(strengthOn(i, LAST + 7 * 365))).toBe('Very weak');
    }
  });

  it('keeps a tie marked family (or partner) strong through the same silence', () => {
    for (const kind of ['family', 'partner'] as const) {
      const i = index(kind);
      expect(i.ties[0]?.explicitKind).toBe(kind);
      expect(strengthWord(strengthOn(i, LAST + 7 * 365))).toBe('Strong');
    }
  });

  it('falls after the last contact and never rises again while the silence lasts', () => {
    const i = index(null);
    let before = strengthOn(i, LAST);
    for (let day = LAST + 1; day <= LAST + 7 * 365; day += 7) {
      const s = strengthOn(i, day);
      expect(s).toBeLessThanOrEqual(before);
      before = s;
    }
    expect(before).toBeLessThan(strengthOn(i, LAST) / 3);
  });

  it('follows the half-life set for the kind, and a half-life of 0 is lasting', () => {
    const quick = index('friend', { silenceHalfLifeDays: { friend: 60 } });
    const slow = index('friend', { silenceHalfLifeDays: { friend: 2000 } });
    const lasting = index('friend', { silenceHalfLifeDays: { friend: 0 } });
    const day = LAST + 2 * 365;
    expect(strengthOn(quick, day)).toBeLessThan(strengthOn(slow, day));
    expect(strengthOn(slow, day)).toBeLessThan(strengthOn(lasting, day));
    expect(strengthOn(lasting, day)).toBeCloseTo(strengthOn(index('family'), day), 12);
  });

  it('says what the silence did, in words', () => {
    const faded = index('friend');
    const detail = faded.tieAt(0, dayNumber(on(LAST + 3 * 365))) as OwnerTieDetail;
    expect(detail.decay).toBeLessThan(0.25);
    expect(explainStrength(detail, faded.settings).silence).toMatch(
      /^Unseen for 3 years: closeness halved 3 times \(closeness and how often halve every 12 months of silence for friends\)/,
    );
    const family = index('family');
    const kept = explainStrength(
      family.tieAt(0, dayNumber(on(LAST + 3 * 365))) as OwnerTieDetail,
      family.settings,
    );
    expect(kept.silence).toBe('You marked them as family: a tie that lasts, so silence does not weaken it.');
    // A week's silence takes under 5%: nothing worth saying.
    const recent = faded.tieAt(0, dayNumber(on(LAST + 7))) as OwnerTieDetail;
    expect(explainStrength(recent, faded.settings).silence).toBeNull();
  });
});
