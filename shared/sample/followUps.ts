import type { Encounter, FollowUp } from '../domain/entities';
import type { Content } from '../db/content';
import { dayNumber, dayString } from './calendar';
import { FOLLOW_UPS } from './names';
import type { Random } from './random';
import { journaledAt, maybeEdit, tracked } from './tracked';

type FollowUpContent = Content<FollowUp>;

/** About one encounter in twenty-five leaves something to do; old ones are mostly done. */
const PER_ENCOUNTER = 0.04;

export function planFollowUps(
  random: Random,
  encounters: readonly Encounter[],
  lastDay: number,
  newId: () => string,
  lastMs: number,
): FollowUp[] {
  const count = Math.round(encounters.length * PER_ENCOUNTER);
  const followUps: FollowUp[] = [];
  for (let k = 0; k < count; k++) {
    const encounter = random.pick(encounters);
    const day = dayNumber(encounter.date);
    const due = day + random.int(3, 30);
    const content: FollowUpContent = {
      text: random.pick(FOLLOW_UPS),
      personId: random.pick(encounter.participantIds),
      encounterId: encounter.id,
      due: random.chance(0.8) ? dayString(due) : '',
      done: due < lastDay - 14 ? random.chance(0.9) : random.chance(0.1),
    };
    const createdAt = journaledAt(random, day, lastMs);
    followUps.push(
      tracked(
        newId(),
        content,
        createdAt,
        maybeEdit<FollowUpContent>(random, 0.3, createdAt, lastMs, ['done']),
      ),
    );
  }
  return followUps;
}
