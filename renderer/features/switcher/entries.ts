import type { Community, Encounter, Person } from '../../../shared/domain/entities';
import { COMMUNITY_LABELS, type ContextKind } from '../../../shared/domain/kinds';

export type SwitcherKind = 'person' | 'community' | 'encounter';

/** One thing the quick switcher can open. `key` is unique across kinds; `id` is the document's own id. */
export interface SwitcherEntry {
  key: string;
  kind: SwitcherKind;
  id: string;
  /** Person name, community name, or encounter title. */
  name: string;
  aliases: string[];
  organisation: string;
  emails: string[];
  place: string;
  date: string;
  /** Encounters only: the names and aliases of everyone met. */
  participants: string[];
  /** Shown, not searched: a second line (organisation, community kind, place and people met). */
  detail: string;
  /** Encounters only, shown when there is no title. */
  context: ContextKind | '';
}

export function personEntry(p: Person): SwitcherEntry {
  return {
    key: `person:${p.id}`,
    kind: 'person',
    id: p.id,
    name: p.name,
    aliases: p.aliases,
    organisation: p.organisation,
    emails: p.emails,
    place: '',
    date: '',
    participants: [],
    detail: [p.role, p.organisation].filter(Boolean).join(', '),
    context: '',
  };
}

export function communityEntry(c: Community): SwitcherEntry {
  return {
    key: `community:${c.id}`,
    kind: 'community',
    id: c.id,
    name: c.name,
    aliases: [],
    organisation: '',
    emails: [],
    place: '',
    date: '',
    participants: [],
    detail: COMMUNITY_LABELS[c.kind],
    context: '',
  };
}

export function encounterEntry(e: Encounter, peopleById: ReadonlyMap<string, Person>): SwitcherEntry {
  const participants: string[] = [];
  const names: string[] = [];
  for (const pid of e.participantIds) {
    const p = peopleById.get(pid);
    if (!p) continue;
    names.push(p.name);
    participants.push(p.name, ...p.aliases);
  }
  return {
    key: `encounter:${e.id}`,
    kind: 'encounter',
    id: e.id,
    name: e.title,
    aliases: [],
    organisation: '',
    emails: [],
    place: e.place,
    date: e.date,
    participants,
    detail: [e.place, names.join(', ')].filter(Boolean).join(' · '),
    context: e.context,
  };
}
