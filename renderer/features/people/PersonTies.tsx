import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { createTie, deleteTie } from '../../../shared/db';
import type { Person } from '../../../shared/domain/entities';
import { TIE_KINDS, TIE_LABELS, type TieKind } from '../../../shared/domain/kinds';
import { ValidationError } from '../../../shared/domain/validation';
import { paths } from '../../app/paths';
import { formatDayShort } from '../encounters';
import { useDb, useOwner, usePeople, usePeopleById } from '../../db';
import { AddForm, DateField, IconButton, PageSection, Select, TrashIcon, useReportErrors } from '../../ui';
import { useUndo } from '../undo';

import { PersonPicker } from './PersonPicker';
import { isOwnerTie } from './PersonRelationship';
import { usePersonTies } from './usePersonRecords';

const KIND_OPTIONS = TIE_KINDS.map((k) => ({ value: k, label: TIE_LABELS[k] }));

/** Explicit relationships between this person and others, as the owner knows them. */
export function PersonTies({ person }: { person: Person }) {
  const db = useDb();
  const owner = useOwner();
  const all = usePersonTies(person.id);
  // The owner's own tie with them is "Your relationship", not one of the ties between people.
  const theirs = useMemo(() => all?.filter((t) => !isOwnerTie(t, owner?.id)), [all, owner]);
  const people = usePeople();
  const peopleById = usePeopleById();
  const { record } = useUndo();
  const run = useReportErrors();
  // Ties are between other people; the owner's own ties come from encounters.
  const candidates = useMemo(() => (people ?? []).filter((p) => !p.isOwner), [people]);

  return (
    <PageSection id="person-ties" className="person-section" title="Ties">
      {theirs === undefined ? null : theirs.length > 0 ? (
        <ul className="list card" aria-label={`Ties of ${person.name}`}>
          {theirs.map((tie) => {
            const other = peopleById.get(tie.aId === person.id ? tie.bId : tie.aId);
            const name = other?.name ?? 'someone no longer in the journal';
            return (
              <li key={tie.id} className="list__item row">
                {other ? <Link href={paths.person(other.id)}>{other.name}</Link> : <span>{name}</span>}
                <span className="muted">
                  {TIE_LABELS[tie.kind]}
                  {tie.since && ` since ${formatDayShort(tie.since)}`}
                </span>
                <IconButton
                  label={`Delete tie with ${name}`}
                  icon={<TrashIcon />}
                  onClick={() => run(async () => record(await deleteTie(db, tie.id)))}
                />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">
          No ties recorded. Add who {person.name} is related to: family, colleagues, friends.
        </p>
      )}
      <AddTieForm
        person={person}
        candidates={candidates}
        onAdd={async (otherId, kind, since) => {
          const { change } = await createTie(db, { aId: person.id, bId: otherId, kind, since });
          record(change);
        }}
      />
    </PageSection>
  );
}

function AddTieForm({
  person,
  candidates,
  onAdd,
}: {
  person: Person;
  candidates: readonly Person[];
  onAdd(otherId: string, kind: TieKind, since: string): Promise<void>;
}) {
  const [otherId, setOtherId] = useState('');
  const [kind, setKind] = useState<TieKind>('friend');
  const [since, setSince] = useState('');
  const [errors, setErrors] = useState<{ other?: string; since?: string; form?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!otherId) return setErrors({ other: `Choose who ${person.name} has a tie with.` });
    try {
      await onAdd(otherId, kind, since);
      setOtherId('');
      setSince('');
      setErrors({});
    } catch (e) {
      const issues = e instanceof ValidationError ? e.issues : [];
      setErrors({
        since: issues.find((i) => i.path === 'since')?.message,
        form: issues.some((i) => i.path === 'since') ? undefined : e instanceof Error ? e.message : String(e),
      });
    }
  };

  return (
    <AddForm
      label={`Add a tie for ${person.name}`}
      submitLabel="Add tie"
      onSubmit={(e) => void submit(e)}
      alert={errors.form}
    >
      <div className="form-grid__wide">
        <PersonPicker
          label="Tie with"
          people={candidates}
          value={otherId}
          onChange={setOtherId}
          excludeIds={[person.id]}
          error={errors.other}
        />
      </div>
      <Select
        label="Kind of tie"
        options={KIND_OPTIONS}
        value={kind}
        onChange={(e) => setKind(e.target.value as TieKind)}
      />
      <DateField label="Since" value={since} onValueChange={setSince} error={errors.since} />
    </AddForm>
  );
}
