import { useState, type FormEvent } from 'react';
import { createFollowUp, deleteFollowUp, updateFollowUp } from '../../../shared/db';
import type { Person } from '../../../shared/domain/entities';
import { ValidationError } from '../../../shared/domain/validation';
import { useDb } from '../../db';
import { Button, IconButton, TextField, TrashIcon } from '../../ui';
import { formatDayShort } from '../encounters';
import { useUndo } from '../undo';
import { usePersonFollowUps } from './usePersonRecords';
import { useReportErrors } from './useReportErrors';

/** Things to do about this person: open ones first, by due day. */
export function PersonFollowUps({ person }: { person: Person }) {
  const db = useDb();
  const theirs = usePersonFollowUps(person.id) ?? [];
  const { record } = useUndo();
  const run = useReportErrors();
  if (person.isOwner) return null;

  return (
    <section className="person-section" aria-labelledby="person-follow-ups">
      <h2 id="person-follow-ups" className="person-section__title">
        Follow-ups
      </h2>
      {theirs.length > 0 && (
        <ul className="list card" aria-label={`Follow-ups for ${person.name}`}>
          {theirs.map((f) => (
            <li key={f.id} className="list__item row">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={f.done}
                  onChange={(e) => {
                    const done = e.target.checked;
                    run(async () =>
                      record((await updateFollowUp(db, f.id, { done })).change, { toast: false }),
                    );
                  }}
                />
                <span className={f.done ? 'muted' : undefined}>{f.text}</span>
              </label>
              {f.due && <span className="muted">due {formatDayShort(f.due)}</span>}
              <IconButton
                label={`Delete follow-up “${f.text}”`}
                icon={<TrashIcon />}
                onClick={() => run(async () => record(await deleteFollowUp(db, f.id)))}
              />
            </li>
          ))}
        </ul>
      )}
      <AddFollowUpForm
        person={person}
        onAdd={async (text, due) => {
          const { change } = await createFollowUp(db, { text, due, personId: person.id });
          record(change, { toast: false });
        }}
      />
    </section>
  );
}

function AddFollowUpForm({
  person,
  onAdd,
}: {
  person: Person;
  onAdd(text: string, due: string): Promise<void>;
}) {
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ text?: string; due?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onAdd(text, due);
      setText('');
      setDue('');
      setErrors({});
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      setErrors({
        text: e.issues.find((i) => i.path === 'text')?.message,
        due: e.issues.find((i) => i.path === 'due')?.message,
      });
    }
  };

  return (
    <form
      className="form-grid card"
      onSubmit={submit}
      noValidate
      aria-label={`Add a follow-up for ${person.name}`}
    >
      <TextField
        className="form-grid__wide"
        label="New follow-up"
        placeholder={`e.g. Send ${person.name} the article`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.text}
      />
      <TextField
        label="Due"
        type="date"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        error={errors.due}
      />
      <div className="form-actions">
        <Button type="submit">Add follow-up</Button>
      </div>
    </form>
  );
}
