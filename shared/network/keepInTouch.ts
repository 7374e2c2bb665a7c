import type { DayString } from '../domain/entities';
import { dayString, toDay, type DayLike } from './days';
import { fadingScore, rhythmOf } from './factors';
import type { TimeIndex } from './timeIndex';
import { spanInWords, times } from './words';

export type FadingReason = 'rhythm' | 'cadence';

/** A tie that needs attention, with the reasons it is listed. */
export interface FadingTie {
  personId: string;
  name: string;
  tie: number;
  reasons: FadingReason[];
  /** The owner's only or main link into another part of the network (see bridges.ts). */
  bridge: boolean;
  lastContact: DayString;
  daysSinceLast: number;
  usualGapDays: number;
  cadenceDays: number;
  strengthNow: number;
  /** How much strength the tie lost since the last contact. */
  strengthLost: number;
  /** How overdue the tie is (fadingScore): its silence weighed by its weakness. */
  score: number;
  /** Why it is listed, in words. */
  why: string;
}

/**
 * The fading ties on `day`: overdue against their own rhythm (quiet for more than fadingThreshold
 * times their usual pause between bursts of contact, and at least fadingMinDays; see isFading) or
 * against the keep-in-touch cadence the owner set.
 * Archived people are left out unless asked for (the owner already let them go). Bridges come first, because bridges
 * decay fastest and are the hardest to replace (Burt), then the ties that lost the most strength.
 */
export function fadingTies(
  index: TimeIndex,
  when: DayLike,
  options: { bridges?: ReadonlySet<string>; includeArchived?: boolean } = {},
): FadingTie[] {
  const bridges = options.bridges ?? new Set<string>();
  const day = toDay(when);
  const threshold = index.settings.fadingThreshold;
  const list: FadingTie[] = [];
  for (const person of index.people) {
    if (person.ownerTie < 0 || (person.archived && !options.includeArchived)) continue;
    const m = index.owner.measuresAt(person.ownerTie, day);
    if (!m) continue;
    const rhythm = rhythmOf(m, index.settings);
    const reasons: FadingReason[] = [];
    if (rhythm.fading) reasons.push('rhythm');
    if (person.cadenceDays > 0 && rhythm.daysSinceLast > person.cadenceDays) reasons.push('cadence');
    if (reasons.length === 0) continue;
    const strengthNow = index.owner.strengthAt(person.ownerTie, day);
    const strengthThen = index.owner.strengthAt(person.ownerTie, m.last);
    const bridge = bridges.has(person.id);
    const why: string[] = [`Last contact ${spanInWords(rhythm.daysSinceLast)} ago.`];
    if (reasons.includes('rhythm')) {
      why.push(
        `You are usually in touch about every ${spanInWords(rhythm.usualGapDays)} (not counting the short gaps within a spell of contact); this silence is ${times(rhythm.ratio)} that, and a tie that kept its rhythm would rarely stay quiet past ${threshold} times.`,
      );
    }
    if (reasons.includes('cadence')) {
      why.push(`You wanted to be in touch every ${spanInWords(person.cadenceDays)}.`);
    }
    if (bridge) why.push('They link you to people you have few other ties with.');
    list.push({
      personId: person.id,
      name: person.name,
      tie: person.ownerTie,
      reasons,
      bridge,
      lastContact: dayString(m.last),
      daysSinceLast: rhythm.daysSinceLast,
      usualGapDays: rhythm.usualGapDays,
      cadenceDays: person.cadenceDays,
      strengthNow,
      strengthLost: Math.max(0, strengthThen - strengthNow),
      score: fadingScore(rhythm.daysSinceLast, strengthNow),
      why: why.join(' '),
    });
  }
  return list.sort(
    (x, y) =>
      Number(y.bridge) - Number(x.bridge) || y.strengthLost - x.strengthLost || (x.name < y.name ? -1 : 1),
  );
}
