import { useState } from 'react';
import { todayString } from '../../../shared/domain/validation';
import type { Person } from '../../../shared/domain/entities';
import { usePeople } from '../../db';
import { Dialog } from '../../ui';
import { emptyDraft, type EncounterPrefill } from './draft';
import { EncounterForm } from './EncounterForm';

interface Props {
  prefill: EncounterPrefill;
  onClose(): void;
}

export function NewEncounterDialog({ prefill, onClose }: Props) {
  const people = usePeople();
  return (
    <Dialog open onClose={onClose} title="New encounter" description="Who did you meet, and when?" size="lg">
      {/* Wait for people so prefilled participants show their names. */}
      {people && <NewEncounterForm prefill={prefill} people={people} onClose={onClose} />}
    </Dialog>
  );
}

function NewEncounterForm({ prefill, people, onClose }: Props & { people: Person[] }) {
  const [initial] = useState(() => emptyDraft(todayString(), prefill, new Map(people.map((p) => [p.id, p]))));
  return (
    <EncounterForm initial={initial} submitLabel="Save encounter" onSaved={onClose} onCancel={onClose} />
  );
}
