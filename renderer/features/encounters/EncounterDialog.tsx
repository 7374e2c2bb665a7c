import { useEffect, useState } from 'react';
import { deleteEncounter, OWNER_ID } from '../../../shared/db';
import type { Encounter, Person } from '../../../shared/domain/entities';
import { useDb, useEncounter, usePeople } from '../../db';
import { Button, Dialog, EditIcon, TrashIcon, useToast } from '../../ui';
import { useUndo } from '../undo';
import { draftFromEncounter } from './draft';
import { EncounterDetails } from './EncounterDetails';
import { EncounterForm } from './EncounterForm';
import { encounterHeading } from './format';
import { FollowUpList } from './FollowUpList';

interface Props {
  id: string;
  /** Open in the form rather than the details. */
  startEditing?: boolean;
  onClose(): void;
}

/** Read an encounter, edit it with the same form as quick-add, or delete it (undoable). */
export function EncounterDialog({ id, startEditing = false, onClose }: Props) {
  const encounter = useEncounter(id);
  const people = usePeople();
  const [editing, setEditing] = useState(startEditing);

  // Deleted while open (here, by undo, or by sync): nothing left to show.
  useEffect(() => {
    if (encounter === null) onClose();
  }, [encounter, onClose]);

  if (!encounter || !people) return null;
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const heading = encounterHeading(encounter, peopleById);

  return (
    <Dialog open onClose={onClose} title={editing ? `Edit: ${heading}` : heading} size="lg">
      {editing ? (
        <EditEncounter encounter={encounter} peopleById={peopleById} onDone={() => setEditing(false)} />
      ) : (
        <ViewEncounter
          encounter={encounter}
          peopleById={peopleById}
          heading={heading}
          onEdit={() => setEditing(true)}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function EditEncounter({
  encounter,
  peopleById,
  onDone,
}: {
  encounter: Encounter;
  peopleById: Map<string, Person>;
  onDone(): void;
}) {
  const [initial] = useState(() => draftFromEncounter(encounter, peopleById, OWNER_ID));
  return (
    <EncounterForm
      initial={initial}
      encounterId={encounter.id}
      submitLabel="Save changes"
      onSaved={onDone}
      onCancel={onDone}
    />
  );
}

function ViewEncounter({
  encounter,
  peopleById,
  heading,
  onEdit,
  onClose,
}: {
  encounter: Encounter;
  peopleById: Map<string, Person>;
  heading: string;
  onEdit(): void;
  onClose(): void;
}) {
  const db = useDb();
  const { record } = useUndo();
  const toast = useToast();

  const remove = async () => {
    try {
      const change = await deleteEncounter(db, encounter.id);
      record({ ...change, label: `Deleted “${heading}”` });
      onClose();
    } catch (error) {
      toast.show({
        tone: 'error',
        message: `Could not delete: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  return (
    <div className="encounter-view">
      <EncounterDetails encounter={encounter} peopleById={peopleById} onNavigate={onClose} />
      <FollowUpList encounter={encounter} />
      <div className="form-actions">
        <Button variant="danger" onClick={() => void remove()}>
          <TrashIcon />
          Delete encounter
        </Button>
        <Button variant="primary" onClick={onEdit}>
          <EditIcon />
          Edit encounter
        </Button>
      </div>
    </div>
  );
}
