import type { Person } from '../domain/entities';
import type { Content } from '../db/content';
import { blankPerson } from '../db/documents';
import type { CommunityPlan, PersonPlan } from './model';
import { NOTES, ORGANISATIONS, ROLES, TAGS } from './names';
import type { Random } from './random';
import { journaledAt, maybeEdit, tracked } from './tracked';

type PersonContent = Content<Person>;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

export function personDocument(
  random: Random,
  plan: PersonPlan,
  people: readonly PersonPlan[],
  communities: readonly CommunityPlan[],
  lastMs: number,
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
    cadenceDays: plan.closeness > 0.6 ? 30 : plan.closeness > 0.4 && random.chance(0.5) ? 90 : 0,
    wantToReach: random.chance(0.02),
    archived: plan.ended && random.chance(0.2),
    communityIds: random.chance(0.75)
      ? plan.communities.map((c) => (communities[c] as CommunityPlan).id)
      : [],
  };
  // Created with the encounter where they were met.
  const createdAt = journaledAt(random, plan.start, lastMs);
  const edit = maybeEdit<PersonContent>(random, 0.15, createdAt, lastMs, ['notes', 'role', 'tags', 'phones']);
  return tracked(plan.id, content, createdAt, edit);
}
