import { useState } from 'react';
import { mergePeople } from '../../../shared/db';
import type { Person } from '../../../shared/domain/entities';
import { useDb } from '../../db';
import { Button, Dialog, FormAlert } from '../../ui';
import { useUndo } from '../undo';
import { PersonPicker } from './PersonPicker';

interface Props {
  person: Person;
  people: readonly Person[];
  onClose(): void;
  /** Called with the id of the person who remains. */
  onMerged(keepId: string): void;
}

/**
 * "This is the same person as…": pick the other record, choose whose details lead, read what will
 * happen, confirm. The owner can absorb a duplicate but is never merged away.
 */
export function MergeDialog({ person, people, onClose, onMerged }: Props) {
  const db = useDb();
  const { record } = useUndo();
  const [otherId, setOtherId] = useState('');
  const [keepThis, setKeepThis] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const other = people.find((p) => p.id === otherId);
  // The owner always stays; otherwise the user chooses.
  const keepCurrent = person.isOwner || (!other?.isOwner && keepThis);
  const keep = keepCurrent ? person : other;
  const gone = keepCurrent ? other : person;

  const pair = confirming && keep && gone ? { keep, gone } : null;

  const next = () => {
    if (!other) return setError('Choose the person who is the same as ' + person.name + '.');
    setError('');
    setConfirming(true);
  };

  const merge = async () => {
    if (!pair) return;
    setBusy(true);
    try {
      record(await mergePeople(db, pair.keep.id, pair.gone.id));
      onMerged(pair.keep.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={pair ? `Merge ${pair.gone.name} into ${pair.keep.name}?` : `Merge ${person.name} with someone`}
      size="md"
    >
      {!pair ? (
        <div className="stack">
          <PersonPicker
            label={`${person.name} is the same person as`}
            people={people}
            value={otherId}
            onChange={(id) => {
              setOtherId(id);
              setError('');
            }}
            excludeIds={[person.id]}
            error={error || undefined}
          />
          {other && !person.isOwner && !other.isOwner && (
            <fieldset className="stack merge__keep">
              <legend>Whose name and details lead?</legend>
              <label className="checkbox">
                <input type="radio" name="keep" checked={keepThis} onChange={() => setKeepThis(true)} />
                {person.name}
              </label>
              <label className="checkbox">
                <input type="radio" name="keep" checked={!keepThis} onChange={() => setKeepThis(false)} />
                {other.name}
              </label>
            </fieldset>
          )}
          <div className="form-actions">
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" onClick={next}>
              Continue
            </Button>
          </div>
        </div>
      ) : (
        <div className="stack">
          <p>
            <strong>{pair.gone.name}</strong> will be merged into <strong>{pair.keep.name}</strong>:
          </p>
          <ul>
            <li>
              {pair.keep.name} keeps their name; “{pair.gone.name}” becomes one of their aliases.
            </li>
            <li>Aliases, e-mails, phones, links, tags and communities are combined, and the notes joined.</li>
            <li>
              Every encounter, tie and follow-up with {pair.gone.name} will be with {pair.keep.name}.
            </li>
            <li>The separate entry for {pair.gone.name} is removed. You can undo the merge right after.</li>
          </ul>
          <FormAlert message={error} />
          <div className="form-actions">
            <Button onClick={() => setConfirming(false)}>Back</Button>
            <Button variant="primary" onClick={() => void merge()} disabled={busy}>
              Merge
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
