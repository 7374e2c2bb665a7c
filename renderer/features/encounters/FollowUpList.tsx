import { useState, type FormEvent } from 'react';
import { createFollowUp, deleteFollowUp, updateFollowUp, type Change } from '../../../shared/db';
import type { Encounter, FollowUp } from '../../../shared/domain/entities';
import { ValidationError } from '../../../shared/domain/validation';
import { useDb, useFollowUps } from '../../db';
import { Button, IconButton, TextField, TrashIcon, useToast } from '../../ui';
import { useUndo } from '../undo';
import { formatDayShort } from './format';

/** What to do after this encounter: send the deck, introduce Ana to Ben… */
export function FollowUpList({ encounter }: { encounter: Encounter }) {
  const db = useDb();
  const { record } = useUndo();
  const toast = useToast();
  const followUps = (useFollowUps() ?? []).filter((f) => f.encounterId === encounter.id);
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<{ text?: string; due?: string }>({});

  const run = async (label: string, action: () => Promise<Change>) => {
    try {
      record({ ...(await action()), label });
    } catch (e) {
      toast.show({ tone: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    try {
      const { change } = await createFollowUp(db, {
        text,
        due,
        encounterId: encounter.id,
        personId: encounter.participantIds.length === 1 ? (encounter.participantIds[0] ?? '') : '',
      });
      record({ ...change, label: `Added follow-up “${text.trim()}”` });
      setText('');
      setDue('');
      setError({});
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      setError({
        text: e.issues.find((i) => i.path === 'text')?.message,
        due: e.issues.find((i) => i.path === 'due')?.message,
      });
    }
  };

  return (
    <section className="followups" aria-labelledby="followups-title">
      <h3 id="followups-title" className="followups__title">
        Follow-ups
      </h3>
      {followUps.length > 0 && (
        <ul className="followups__list">
          {followUps.map((f) => (
            <FollowUpItem
              key={f.id}
              followUp={f}
              onToggle={() =>
                void run(
                  f.done ? `Reopened “${f.text}”` : `Done: “${f.text}”`,
                  async () => (await updateFollowUp(db, f.id, { done: !f.done })).change,
                )
              }
              onDelete={() => void run(`Deleted follow-up “${f.text}”`, () => deleteFollowUp(db, f.id))}
            />
          ))}
        </ul>
      )}
      <form className="followups__add" onSubmit={(e) => void add(e)} aria-label="Add a follow-up" noValidate>
        <TextField
          label="New follow-up"
          placeholder="e.g. Send Ana the article"
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error.text}
        />
        <TextField
          label="Due"
          type="date"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          error={error.due}
        />
        <Button type="submit" size="sm">
          Add follow-up
        </Button>
      </form>
    </section>
  );
}

function FollowUpItem({
  followUp,
  onToggle,
  onDelete,
}: {
  followUp: FollowUp;
  onToggle(): void;
  onDelete(): void;
}) {
  return (
    <li className={`followups__item${followUp.done ? ' is-done' : ''}`}>
      <label className="followups__check">
        <input type="checkbox" checked={followUp.done} onChange={onToggle} />
        <span>{followUp.text}</span>
      </label>
      {followUp.due && <span className="badge">due {formatDayShort(followUp.due)}</span>}
      <IconButton label={`Delete follow-up: ${followUp.text}`} icon={<TrashIcon />} onClick={onDelete} />
    </li>
  );
}
