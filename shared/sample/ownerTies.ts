import type { Tie } from '../domain/entities';
import { OWNER_ID } from '../db/ids';
import { dayString } from './calendar';
import type { PersonPlan, Window } from './model';
import type { Random } from './random';
import { journaledAt, tracked } from './tracked';

/** Share of owners with a partner among the people in the journal. */
const PARTNER_SHARE = 0.7;
/** The owner says so for most family, not all: a journal is never complete. Assumed shares. */
const PARTNER_RECORDED = 0.95;
const FAMILY_RECORDED = 0.75;

/**
 * The owner's word on family: an explicit tie between the owner and most of the people whose tie
 * lasts (truth `lasting`), kind 'partner' for the closest one when the owner has a partner, else
 * 'family'. These ties have the owner (OWNER_ID) as one end, which is how they are told apart from
 * the person-to-person ties.
 */
export function planOwnerTies(
  random: Random,
  people: readonly PersonPlan[],
  window: Window,
  newId: () => string,
  lastMs: number,
): Tie[] {
  const lasting = people.filter((p) => p.lasting);
  let partner: PersonPlan | undefined;
  if (random.chance(PARTNER_SHARE))
    for (const p of lasting) if (!partner || p.potential > partner.potential) partner = p;
  const ties: Tie[] = [];
  for (const p of lasting) {
    const isPartner = p === partner;
    if (!random.chance(isPartner ? PARTNER_RECORDED : FAMILY_RECORDED)) continue;
    const [aId, bId] = p.id < OWNER_ID ? [p.id, OWNER_ID] : [OWNER_ID, p.id];
    const since = random.chance(0.6)
      ? ''
      : dayString(Math.min(p.start, window.first) - Math.floor(random.next() * 20 * 365));
    const content = {
      aId,
      bId,
      kind: isPartner ? ('partner' as const) : ('family' as const),
      notes: '',
      since,
    };
    ties.push(tracked(newId(), content, journaledAt(random, p.start, lastMs)));
  }
  return ties;
}
