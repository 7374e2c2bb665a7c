import { useState } from 'react';
import { useLocation } from 'wouter';
import { deletePerson, setArchived, updatePerson } from '../../../shared/db';
import type { Person } from '../../../shared/domain/entities';
import { paths } from '../../app/paths';
import { useCommunities, useDb, useEncounters, usePeople } from '../../db';
import { Button, count, Dialog, EditIcon, TrashIcon, useReportErrors } from '../../ui';
import { useEncounterDialogs } from '../encounters';
import { useUndo } from '../undo';
import { ConfirmDialog } from './ConfirmDialog';
import { MergeDialog } from './MergeDialog';
import { PersonForm } from './PersonForm';
import { usePersonFollowUps, usePersonTies } from './usePersonRecords';

type Open = 'edit' | 'merge' | 'delete' | null;

/** Edit, record an encounter, merge, archive and delete: each change goes on the undo stack. */
export function PersonActions({ person }: { person: Person }) {
  const db = useDb();
  const people = usePeople();
  const communities = useCommunities();
  const { record } = useUndo();
  const { newEncounter } = useEncounterDialogs();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  const run = useReportErrors();
  const toggleArchived = () => run(async () => record(await setArchived(db, person.id, !person.archived)));

  return (
    <div className="person-actions">
      <Button
        variant="primary"
        onClick={() => newEncounter({ participantIds: person.isOwner ? [] : [person.id] })}
      >
        Record an encounter
      </Button>
      <Button onClick={() => setOpen('edit')}>
        <EditIcon /> Edit
      </Button>
      <Button onClick={() => setOpen('merge')}>Merge…</Button>
      {!person.isOwner && (
        <>
          <Button onClick={toggleArchived}>{person.archived ? 'Unarchive' : 'Archive'}</Button>
          <Button variant="danger" onClick={() => setOpen('delete')}>
            <TrashIcon /> Delete
          </Button>
        </>
      )}

      <Dialog open={open === 'edit'} onClose={close} title={`Edit ${person.name}`} size="lg">
        <PersonForm
          person={person}
          people={people ?? []}
          communities={communities ?? []}
          submitLabel="Save changes"
          onSubmit={async (input) => {
            const { change } = await updatePerson(db, person.id, input);
            if (change.entries.length > 0) record(change, { toast: false });
            close();
          }}
          onCancel={close}
        />
      </Dialog>

      {open === 'merge' && (
        <MergeDialog
          person={person}
          people={people ?? []}
          onClose={close}
          onMerged={(keepId) => {
            close();
            if (keepId !== person.id) navigate(paths.person(keepId));
          }}
        />
      )}

      {open === 'delete' && (
        <DeletePersonDialog
          person={person}
          onClose={close}
          onConfirm={async () => {
            const change = await deletePerson(db, person.id);
            record(change);
            navigate(paths.people);
          }}
        />
      )}
    </div>
  );
}

/** Says exactly what goes with the person, so "Delete" is never a surprise. */
function DeletePersonDialog({
  person,
  onClose,
  onConfirm,
}: {
  person: Person;
  onClose(): void;
  onConfirm(): Promise<void>;
}) {
  const encounters = useEncounters() ?? [];
  const tieCount = usePersonTies(person.id)?.length ?? 0;
  const followUpCount = usePersonFollowUps(person.id)?.length ?? 0;
  const theirs = encounters.filter((e) => e.participantIds.includes(person.id));
  const onlyThem = theirs.filter((e) => e.participantIds.length === 1).length;
  return (
    <ConfirmDialog
      open
      title={`Delete ${person.name}?`}
      confirmLabel="Delete"
      danger
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        {person.name} will be removed from {count(theirs.length, 'encounter', 'encounters')}
        {onlyThem > 0 && ` (${count(onlyThem, 'encounter', 'encounters')} with nobody else will be deleted)`},
        along with {count(tieCount, 'tie', 'ties')} and {count(followUpCount, 'follow-up', 'follow-ups')}.
      </p>
      <p className="muted">You can undo this right after (Undo, or Ctrl+Z).</p>
    </ConfirmDialog>
  );
}
