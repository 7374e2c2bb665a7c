import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Community, Encounter, Person } from '../../../shared/domain/entities';
import {
  communityEntry,
  encounterEntry,
  personEntry,
  type SwitcherEntry,
  type SwitcherKind,
} from './entries';
import { yieldToBrowser } from '../../ui/yieldToBrowser';

export type { SwitcherEntry, SwitcherKind } from './entries';

const FIELDS = ['name', 'aliases', 'organisation', 'emails', 'place', 'date', 'participants'] as const;

// A day like 2026-11-26 stays one token (also half-typed, "2026-1"), so "2026-11" finds every
// encounter that month by prefix; everything else splits on anything that is not a letter or a
// digit (so the parts of an e-mail address are words).
const TOKEN = /\d{4}-\d{0,2}(?:-\d{0,2})?|[\p{L}\p{N}]+/gu;
const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

const SEARCH: SearchOptions = {
  prefix: true,
  // Typos are forgiven only in words long enough to carry one, and never in numbers or dates,
  // where "one edit away" is a different day; this also keeps fuzzy matching cheap on a big index.
  fuzzy: (term) => (term.length >= 4 && !/\d/.test(term) ? 0.2 : false),
  maxFuzzy: 2,
  combineWith: 'AND',
  boost: { name: 3, aliases: 2, organisation: 1.2, participants: 1 },
};

export interface SwitcherHit {
  entry: SwitcherEntry;
  score: number;
}

interface Indexed {
  updatedAt: number;
  entry: SwitcherEntry;
  /** The sync pass that last saw this document; older ones were removed from the journal. */
  pass: number;
}

function createMiniSearch(): MiniSearch<SwitcherEntry> {
  return new MiniSearch<SwitcherEntry>({
    idField: 'key',
    fields: [...FIELDS],
    tokenize,
    extractField: (doc, field) => {
      const v = doc[field as keyof SwitcherEntry];
      return Array.isArray(v) ? v.join(' ') : v;
    },
    searchOptions: SEARCH,
  });
}

/** Below this many characters only people and communities are searched: a letter or two would match most encounters. */
const ENCOUNTER_QUERY_MIN = 3;
/** Documents handled between chances to yield. */
const STEP = 256;
type Step = 'step' | 'names-ready';

/**
 * MiniSearch indexes over people, communities and encounters, kept in step with the journal by
 * diffing: `sync` re-indexes only documents whose `updatedAt` moved (and encounters whose
 * participants were renamed), so one edit costs one replace, not a rebuild. People and
 * communities live in a small index of their own so that they are found at once however many
 * encounters there are.
 */
export class SwitcherIndex {
  private readonly names = createMiniSearch();
  private readonly encounterIndex = createMiniSearch();
  private readonly people = new Map<string, Indexed>();
  private readonly communities = new Map<string, Indexed>();
  private readonly encounters = new Map<string, Indexed>();
  private pass = 0;
  /** People whose searchable names changed, appeared or vanished: their encounters need re-indexing. */
  private readonly renamed = new Set<string>();
  /** The lists the last completed pass saw. */
  private synced:
    | { people: readonly Person[]; communities: readonly Community[]; encounters: readonly Encounter[] }
    | undefined;

  get size(): number {
    return this.people.size + this.communities.size + this.encounters.size;
  }

  /** Brings the index in step with the journal in one go. */
  sync(people: readonly Person[], communities: readonly Community[], encounters: readonly Encounter[]): void {
    for (const _ of this.steps(people, communities, encounters)) {
      // run to the end
    }
  }

  /**
   * The same as `sync`, but yields to the browser every `sliceMs` so that building the index for a
   * large journal never blocks input. `onNamesReady` is called once people and communities are
   * in step, before the (much larger) encounters. Resolves false when a newer sync overtook this one.
   */
  async syncInSlices(
    people: readonly Person[],
    communities: readonly Community[],
    encounters: readonly Encounter[],
    options: { sliceMs?: number; onNamesReady?: () => void } = {},
  ): Promise<boolean> {
    const { sliceMs = 8, onNamesReady } = options;
    const run = this.steps(people, communities, encounters);
    const pass = this.pass; // steps() has just taken the next pass number
    let start = performance.now();
    for (const step of run) {
      if (step === 'names-ready') onNamesReady?.();
      if (performance.now() - start < sliceMs) continue;
      await yieldToBrowser();
      if (this.pass !== pass) return false;
      start = performance.now();
    }
    return true;
  }

  private steps(
    people: readonly Person[],
    communities: readonly Community[],
    encounters: readonly Encounter[],
  ): Generator<Step, void, void> {
    return this.stepsOfPass(++this.pass, people, communities, encounters);
  }

  /** The sync itself, as a generator that pauses every few hundred documents. */
  private *stepsOfPass(
    pass: number,
    people: readonly Person[],
    communities: readonly Community[],
    encounters: readonly Encounter[],
  ): Generator<Step, void, void> {
    // Live queries hand out the same array while nothing in a collection changed: skip it whole.
    const last = this.synced;
    let peopleById: Map<string, Person> | undefined;
    const personLookup = () => (peopleById ??= new Map(people.map((p) => [p.id, p])));
    // Renames are remembered until a pass completes, so an overtaken pass loses none of them.
    const renamed = this.renamed;
    let n = 0;
    if (people !== last?.people) {
      for (const p of people) {
        if (++n % STEP === 0) yield 'step';
        const previous = this.people.get(p.id);
        if (previous && previous.updatedAt === p.updatedAt) {
          previous.pass = pass;
          continue;
        }
        if (!previous || previous.entry.name !== p.name || !sameList(previous.entry.aliases, p.aliases)) {
          renamed.add(p.id);
        }
        this.put(this.names, this.people, p, pass, personEntry(p));
      }
      this.sweep(this.names, this.people, pass, people.length, (id) => renamed.add(id));
    }
    if (communities !== last?.communities) {
      for (const c of communities) {
        const previous = this.communities.get(c.id);
        if (previous && previous.updatedAt === c.updatedAt) previous.pass = pass;
        else this.put(this.names, this.communities, c, pass, communityEntry(c));
      }
      this.sweep(this.names, this.communities, pass, communities.length);
    }
    yield 'names-ready';
    if (encounters !== last?.encounters || renamed.size > 0) {
      for (const e of encounters) {
        if (++n % STEP === 0) yield 'step';
        const previous = this.encounters.get(e.id);
        if (
          previous &&
          previous.updatedAt === e.updatedAt &&
          (renamed.size === 0 || !e.participantIds.some((id) => renamed.has(id)))
        ) {
          previous.pass = pass;
          continue;
        }
        this.put(this.encounterIndex, this.encounters, e, pass, encounterEntry(e, personLookup()));
      }
      this.sweep(this.encounterIndex, this.encounters, pass, encounters.length);
    }
    renamed.clear();
    this.synced = { people, communities, encounters };
  }

  /**
   * Best matches first: people, then communities, then encounters (a switcher is mostly used to
   * jump to someone, and scores from two indexes are not comparable).
   */
  search(query: string, limit = 30): SwitcherHit[] {
    const q = query.trim();
    if (!q) return [];
    const hits: SwitcherHit[] = [];
    const named = this.names.search(q);
    for (const kind of ['person', 'community'] as const) {
      for (const r of named) {
        const entry = (kind === 'person' ? this.people : this.communities).get(stripKind(r.id, kind))?.entry;
        if (entry && hits.length < limit) hits.push({ entry, score: r.score });
      }
    }
    if (q.length < ENCOUNTER_QUERY_MIN) return hits;
    for (const r of this.encounterIndex.search(q)) {
      if (hits.length >= limit) break;
      const entry = this.encounters.get(stripKind(r.id, 'encounter'))?.entry;
      if (entry) hits.push({ entry, score: r.score });
    }
    return hits;
  }

  private put(
    index: MiniSearch<SwitcherEntry>,
    records: Map<string, Indexed>,
    doc: { id: string; updatedAt: number },
    pass: number,
    entry: SwitcherEntry,
  ): void {
    if (records.has(doc.id)) index.replace(entry);
    else index.add(entry);
    records.set(doc.id, { updatedAt: doc.updatedAt, entry, pass });
  }

  /** Drops what this pass did not see; skipped when every record was seen. */
  private sweep(
    index: MiniSearch<SwitcherEntry>,
    records: Map<string, Indexed>,
    pass: number,
    seenCount: number,
    onRemove?: (id: string) => void,
  ): void {
    if (records.size === seenCount) return;
    for (const [id, record] of records) {
      if (record.pass === pass) continue;
      index.discard(record.entry.key);
      records.delete(id);
      onRemove?.(id);
    }
  }
}

function stripKind(key: string, kind: SwitcherKind): string {
  return key.startsWith(`${kind}:`) ? key.slice(kind.length + 1) : '';
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
