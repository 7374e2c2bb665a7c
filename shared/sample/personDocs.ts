import type { Person } from '../domain/entities';
import type { Content } from '../db/content';
import { blankPerson } from '../db/documents';
import type { CommunityPlan, PersonPlan } from './model';
import { NOTES, ORGANISATIONS, ROLES, TAGS } from './names';
import type { Random } from './random';
import { journaledAt, maybeEdit, tracked } from './tracked';

type PersonContent = Content<Person>;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Keep-in-touch cadences people actually type: round periods (a week, a fortnight, a month, two,
 * a quarter, half a year, a year). An assumption; the form suggests "30 is about monthly".
 */
const CADENCES = [7, 14, 30, 60, 90, 180, 365] as const;

/**
 * The owner sets a cadence for a few people, once, and rarely revisits it: more often for people
 * they were close to when they set it, but also for a weak tie worth keeping warm (a mentor, a
 * recruiter), and the period follows closeness only loosely. Assumed shares: about 3% of weak ties,
 * about a quarter of close ones.
 */
function cadence(random: Random, closenessThen: number): number {
  if (!random.chance(0.03 + 0.3 * closenessThen)) return 0;
  const days = 30 * (0.5 / Math.max(0.1, closenessThen)) ** 0.7 * random.logNormal(1, 0.7);
  let best: number = CADENCES[0];
  for (const c of CADENCES) if (Math.abs(Math.log(c / days)) < Math.abs(Math.log(best / days))) best = c;
  return best;
}

/**
 * Archiving is tidying up, not a record of ended ties: owners archive a few ties that ended and a
 * few live ones they no longer care to see (weak ones, mostly), and most ended ties stay as they
 * were. Assumed shares.
 */
function archived(random: Random, ended: boolean, closenessNow: number): boolean {
  if (ended) return random.chance(0.12);
  return random.chance(closenessNow < 0.1 ? 0.05 : 0.005);
}

export function personDocument(
  random: Random,
  plan: PersonPlan,
  people: readonly PersonPlan[],
  communities: readonly CommunityPlan[],
  lastMs: number,
  /** True closeness of person `index` on `day`. */
  closenessOn: (index: number, day: number) => number,
  referenceDay: number,
): Person {
  const name = `${plan.first} ${plan.last}`;
  const home = plan.communities[0] === undefined ? undefined : communities[plan.communities[0]];
  const introducer = people[plan.introducedBy];
  const organisation = home?.organisation || (random.chance(0.4) ? random.pick(ORGANISATIONS) : '');
  const emails: string[] = [];
  if (random.chance(0.6)) emails.push(`${slug(plan.first)}.${slug(plan.last)}@example.org`);
  if (organisation && random.chance(0.3)) emails.push(`${slug(plan.first)}@${slug(organisation)}.example`);
  const tags = random.chance(0.25) ? [...new Set([random.pick(TAGS), random.pick(TAGS)])] : [];
  const howWeMet = introducer
    ? `Introduced by ${introducer.first} ${introducer.last}`
    : home && random.chance(0.5)
      ? `Met at ${home.name}`
      : '';
  // The cadence was set on some day the owner knew them, and reflects that day.
  const knownUntil = Math.min(plan.end, referenceDay);
  const setOn = plan.start + Math.floor(random.next() * (knownUntil - plan.start + 1));
  const content: PersonContent = {
    ...blankPerson(),
    name,
    aliases: random.chance(0.05) ? [`${plan.first.slice(0, 1)}. ${plan.last}`] : [],
    organisation,
    role: random.chance(0.5) ? random.pick(ROLES) : '',
    emails,
    phones: random.chance(0.35) ? [`+44 7700 900${String(random.int(0, 999)).padStart(3, '0')}`] : [],
    links: random.chance(0.15) ? [`https://example.org/${slug(plan.first)}-${slug(plan.last)}`] : [],
    tags,
    introducedById: introducer ? introducer.id : '',
    howWeMet,
    notes: random.chance(0.08) ? random.pick(NOTES) : '',
    cadenceDays: cadence(random, closenessOn(plan.index, setOn)),
    wantToReach: random.chance(0.02),
    archived: archived(random, plan.ended, closenessOn(plan.index, referenceDay)),
    communityIds: random.chance(0.75)
      ? plan.communities.map((c) => (communities[c] as CommunityPlan).id)
      : [],
  };
  // Created with the encounter where they were met.
  const createdAt = journaledAt(random, plan.start, lastMs);
  const edit = maybeEdit<PersonContent>(random, 0.15, createdAt, lastMs, ['notes', 'role', 'tags', 'phones']);
  return tracked(plan.id, content, createdAt, edit);
}
