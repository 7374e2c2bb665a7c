import { useMemo } from 'react';
import { createTie, deleteTie, updateTie } from '../../../shared/db';
import type { Person, Tie } from '../../../shared/domain/entities';
import type { TieKind } from '../../../shared/domain/kinds';
import { ownerTieKinds, type StrengthSettings } from '../../../shared/network';
import { spanInWords } from '../../../shared/network/words';
import { useDb, useOwner } from '../../db';
import { Select, useReportErrors } from '../../ui';
import { useStrengthSettings } from '../settings';
import { useUndo } from '../undo';
import { usePersonTies } from './usePersonRecords';

/** The kinds in the words of "They are my …" (TIE_LABELS name a tie between two others). */
export const RELATIONSHIP_LABELS: Record<TieKind, string> = {
  partner: 'Partner',
  family: 'Family',
  friend: 'Friend',
  colleague: 'Colleague',
  neighbour: 'Neighbour',
  introduced: 'Someone I was introduced to',
  other: 'Other',
};

/** Closest first; every kind once (a test compares it with TIE_KINDS). */
export const ORDER: TieKind[] = [
  'partner',
  'family',
  'friend',
  'colleague',
  'neighbour',
  'introduced',
  'other',
];
const OPTIONS = [
  { value: '', label: 'Not said' },
  ...ORDER.map((k) => ({ value: k, label: RELATIONSHIP_LABELS[k] })),
];

/** What the choice means for the tie's strength, from the settings (so a changed half-life shows). */
function hintFor(kind: TieKind | null, settings: StrengthSettings | undefined): string {
  if (!settings) return '';
  const halfLife = settings.silenceHalfLifeDays[kind ?? 'unmarked'];
  const who = kind ? `${RELATIONSHIP_LABELS[kind]} ties` : 'Ties you have not marked';
  return halfLife === 0
    ? `${who} last: a long silence does not weaken them.`
    : `${who} fade with silence: closeness halves every ${spanInWords(halfLife)} without contact.`;
}

/**
 * "Your relationship": what the owner is to this person (partner, family, friend…), saved as a Tie
 * document between the owner and them. The strength model reads it: family and partners last
 * through silence, other ties fade (Settings › Tie strength › Fading with silence).
 */
export function PersonRelationship({ person }: { person: Person }) {
  const db = useDb();
  const owner = useOwner();
  const ties = usePersonTies(person.id);
  const settings = useStrengthSettings();
  const { record } = useUndo();
  const run = useReportErrors();
  const mine = useMemo(
    () => (owner && ties ? ties.filter((t) => t.aId === owner.id || t.bId === owner.id) : undefined),
    [owner, ties],
  );
  if (!owner || !mine || !settings || person.isOwner) return null;
  const current = ownerTieKinds(mine, owner.id, settings).get(person.id) ?? null;

  const choose = (value: string) =>
    run(async () => {
      const kind = value === '' ? null : (value as TieKind);
      const shown = mine.find((t) => t.kind === current);
      if (kind === null) {
        for (const t of mine) record(await deleteTie(db, t.id));
        return;
      }
      // Marked twice (two devices before a sync): the choice replaces both.
      for (const t of mine) if (t !== shown) record(await deleteTie(db, t.id));
      if (shown) record((await updateTie(db, shown.id, { kind })).change);
      else record((await createTie(db, { aId: owner.id, bId: person.id, kind })).change);
    }, 'Your relationship could not be saved');

  return (
    <section className="person-section card" aria-labelledby="your-relationship">
      <h2 id="your-relationship" className="person-section__title">
        Your relationship
      </h2>
      <Select
        label={`${person.name} is my`}
        options={OPTIONS}
        value={current ?? ''}
        hint={hintFor(current, settings)}
        onChange={(e) => choose(e.currentTarget.value)}
      />
    </section>
  );
}

/** The owner's own ties are shown by PersonRelationship, not among the ties between people. */
export function isOwnerTie(tie: Tie, ownerId: string | undefined): boolean {
  return ownerId !== undefined && (tie.aId === ownerId || tie.bId === ownerId);
}
