import { describe, expect, it } from 'vitest';
import { dayNumber } from './days';
import { membershipFacts, membershipsAt } from './memberships';
import { encounter, on, OWNER, person } from './testing';

const PARISH = 'parish';
const FOOD_BANK = 'food-bank';
const LIST = 'users-list';

// Ana is a parishioner who also volunteers; Vic only ever went to the food bank; Lou is on a
// mailing list the owner made her a member of, and was also met on it once.
const people = [
  person(OWNER),
  person('ana', { communityIds: [PARISH] }),
  person('vic'),
  person('lou', { communityIds: [LIST] }),
  person('sam'),
];
const encounters = [
  ...[0, 7, 14, 21].map((d) => encounter(d, ['ana', 'sam'], { communityId: PARISH })),
  ...[100, 130].map((d) => encounter(d, ['ana', 'vic'], { communityId: FOOD_BANK })),
  encounter(50, ['lou'], { communityId: LIST, channel: 'list', context: 'mailing-list' }),
  encounter(60, ['sam']),
];
const facts = membershipFacts(people, encounters);
const at = (id: string, day: number) =>
  membershipsAt(facts.get(id)!, dayNumber(on(day))).map((m) => m.communityId);

describe('who belongs to which community', () => {
  it('a person belongs only to communities they were made a member of or met in', () => {
    expect(at('vic', 400)).toEqual([FOOD_BANK]);
    expect(at('sam', 400)).toEqual([PARISH]);
    // Met with parishioners at the food bank, and never at the parish: not a parishioner.
    expect(at('vic', 400)).not.toContain(PARISH);
  });

  it('counts mailing lists like any other community', () => {
    expect(at('lou', 400)).toEqual([LIST]);
  });

  it('ranks the community met in most first, then explicit membership', () => {
    // Ana: four encounters at the parish (and a member), two at the food bank.
    expect(membershipsAt(facts.get('ana')!, dayNumber(on(400)))).toEqual([
      { communityId: PARISH, encounters: 4, explicit: true },
      { communityId: FOOD_BANK, encounters: 2, explicit: false },
    ]);
    // Equal encounters: the explicit membership wins over one met in once.
    const tied = membershipFacts(
      [person('kim', { communityIds: ['b'] })],
      [encounter(1, ['kim'], { communityId: 'a' }), encounter(2, ['kim'], { communityId: 'b' })],
    );
    expect(membershipsAt(tied.get('kim')!, dayNumber(on(10))).map((m) => m.communityId)).toEqual(['b', 'a']);
  });

  it('a community met in only later is not theirs yet; an explicit membership holds on every day', () => {
    expect(at('ana', 50)).toEqual([PARISH]);
    expect(at('vic', 50)).toEqual([]);
    expect(at('lou', 0)).toEqual([LIST]);
  });

  it('someone who belongs to nothing has no community', () => {
    expect(at(OWNER, 400)).toEqual([]);
  });
});
