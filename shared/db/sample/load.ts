import { randomLcg } from 'd3-random';
import type { DayString, Encounter } from '../../domain/entities';
import {
  addDays,
  communityInput,
  encounterInput,
  followUpInput,
  parseOrThrow,
  personInput,
  tieInput,
  todayString,
} from '../../domain/validation';
import { commit, type Change } from '../change';
import type { KithDatabase } from '../collections';
import { newId, OWNER_ID } from '../ids';
import { Plan } from '../plan';
import { SAMPLE_COMMUNITIES, SAMPLE_FOLLOW_UPS, SAMPLE_ONE_OFFS, SAMPLE_PEOPLE, SAMPLE_TIES } from './data';

export interface SampleOptions {
  /** The day the sample year ends on; default today, so the sample always looks recent. */
  today?: DayString;
  seed?: number;
}

/** Encounters per community over the year: a club every few weeks, the street now and then. */
const GATHERINGS_PER_COMMUNITY: Record<string, number> = {
  runners: 14,
  school: 8,
  foodbank: 9,
  work: 12,
  street: 5,
  online: 6,
};

const DURATION_BY_CHANNEL = {
  'in-person': [45, 60, 90, 120],
  video: [30, 45, 60],
  call: [15, 20, 30],
  message: [0],
  email: [0],
  list: [0],
};

const EXAMPLE_NOTES = [
  'Talked about the spring half marathon.',
  'Promised to send over the article we discussed.',
  'Good conversation about **career moves**.',
  'Quick hello; worth a proper catch-up soon.',
  'Swapped book recommendations.',
];

/** Fisher-Yates, so the order depends only on the seed (not on the engine's sort). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A small, realistic journal for a new user to explore: about 25 people in six communities and 60
 * encounters over the last year. The same seed and day give the same journal; it is one Change, so
 * a single undo removes it again.
 */
export async function loadSampleJournal(db: KithDatabase, options: SampleOptions = {}): Promise<Change> {
  const today = options.today ?? todayString();
  const random = randomLcg(options.seed ?? 20_261_126);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const plan = new Plan(db);

  const communityIds = new Map<string, string>();
  for (const c of SAMPLE_COMMUNITIES) {
    const fields = parseOrThrow(communityInput, { name: c.name, kind: c.kind, notes: c.notes });
    communityIds.set(c.key, plan.create('communities', fields).id);
  }

  const personIds = new Map<string, string>(SAMPLE_PEOPLE.map((p) => [p.key, newId()]));
  personIds.set('owner', OWNER_ID);
  const id = (key: string) => personIds.get(key) as string;
  for (const p of SAMPLE_PEOPLE) {
    const fields = parseOrThrow(personInput, {
      name: p.name,
      organisation: p.organisation,
      role: p.role,
      emails: p.emails,
      phones: p.phones,
      tags: p.tags,
      communityIds: (p.communities ?? []).map((k) => communityIds.get(k)),
      introducedById: p.introducedBy ? id(p.introducedBy) : '',
      howWeMet: p.howWeMet,
      notes: p.notes,
      cadenceDays: p.cadenceDays,
      wantToReach: p.wantToReach,
    });
    plan.create('people', { ...fields, isOwner: false }, id(p.key));
  }

  const record = (input: Record<string, unknown>): Encounter =>
    plan.create('encounters', parseOrThrow(encounterInput, input));

  for (const c of SAMPLE_COMMUNITIES) {
    const members = SAMPLE_PEOPLE.filter((p) => p.communities?.includes(c.key)).map((p) => p.key);
    for (let i = 0; i < (GATHERINGS_PER_COMMUNITY[c.key] ?? 0); i++) {
      const g = pick(c.gatherings);
      const size = 1 + Math.floor(random() * Math.min(4, members.length));
      const people = shuffled(members, random).slice(0, size);
      const timed = g.channel !== 'list' && g.channel !== 'message';
      record({
        date: addDays(today, -Math.floor(random() * 360)),
        time: timed
          ? `${String(8 + Math.floor(random() * 12)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`
          : '',
        durationMinutes: pick(DURATION_BY_CHANNEL[g.channel]),
        context: g.context,
        channel: g.channel,
        place: g.place,
        title: g.title,
        participantIds: people.map(id),
        initiatorId: pick(['', OWNER_ID, id(people[0] as string)]),
        rating: 1 + Math.floor(random() * 5),
        notes: random() < 0.3 ? pick(EXAMPLE_NOTES) : '',
        communityId: communityIds.get(c.key),
      });
    }
  }

  const oneOffs = SAMPLE_ONE_OFFS.map((o) =>
    record({
      date: addDays(today, -o.daysAgo),
      context: o.context,
      channel: o.channel,
      place: o.place,
      title: o.title,
      participantIds: o.people.map(id),
      initiatorId: id(o.initiator),
      rating: o.rating,
      notes: o.notes ?? '',
    }),
  );
  const mixer = oneOffs.find((e) => e.context === 'networking');

  for (const t of SAMPLE_TIES) {
    const fields = parseOrThrow(tieInput, { aId: id(t.a), bId: id(t.b), kind: t.kind, notes: t.notes });
    const [aId, bId] = [fields.aId, fields.bId].sort() as [string, string];
    plan.create('ties', { ...fields, aId, bId });
  }

  for (const f of SAMPLE_FOLLOW_UPS) {
    const fields = parseOrThrow(followUpInput, {
      text: f.text,
      personId: id(f.person),
      encounterId: f.person === 'kwame' && mixer ? mixer.id : '',
      due: f.dueInDays === null ? '' : addDays(today, f.dueInDays),
      done: f.done,
    });
    plan.create('followups', fields);
  }

  return commit(db, 'Load the sample journal', plan.toEntries());
}
