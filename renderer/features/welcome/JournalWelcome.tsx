import { useState } from 'react';
import { loadSampleJournal } from '../../../shared/db';
import { useDb } from '../../db';
import { Button, EmptyState, JournalIcon, PlusIcon, useToast } from '../../ui';
import { useEncounterDialogs } from '../encounters';
import { useUndo } from '../undo';
import './welcome.css';

const IDEAS = [
  ['Meetings and exhibitions', 'the stand you visited, the supplier you met at the fair'],
  ['The school gate', "other parents at children's events and pick-up"],
  ['Volunteering and clubs', 'the people you sort donations or train with'],
  ['Neighbours', 'a chat over the fence, the street party'],
  ['Chat rooms and mailing lists', 'someone who answered your question online'],
  ['Recruiters and sales', 'who called, what they offered, whether to follow up'],
] as const;

/** The first thing a new user sees: what a journal entry is for, and two ways to start. */
export function JournalWelcome() {
  const db = useDb();
  const { newEncounter } = useEncounterDialogs();
  const { record } = useUndo();
  const toast = useToast();
  const [loading, setLoading] = useState(false);

  const exploreSample = async () => {
    setLoading(true);
    try {
      const change = await loadSampleJournal(db);
      record({ ...change, label: 'Loaded the sample journal' });
    } catch (error) {
      toast.show({
        tone: 'error',
        message: `The sample journal could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      });
      setLoading(false);
    }
  };

  return (
    <EmptyState
      title="Start your journal"
      icon={<JournalIcon />}
      actions={
        <>
          <Button variant="primary" onClick={() => newEncounter()}>
            <PlusIcon />
            Record your first encounter
          </Button>
          <Button onClick={() => void exploreSample()} disabled={loading}>
            {loading ? 'Loading the sample…' : 'Explore a sample journal'}
          </Button>
        </>
      }
    >
      <p>
        Kith remembers the people you meet, so you do not have to. Each time you meet someone worth
        remembering, note who was there, where, and what you talked about. It takes a few seconds and stays on
        this device.
      </p>
      <ul className="welcome-ideas">
        {IDEAS.map(([title, example]) => (
          <li key={title}>
            <strong>{title}</strong>
            <span>{example}</span>
          </li>
        ))}
      </ul>
      <p className="welcome-note">The sample journal is made-up people; one Undo removes it again.</p>
    </EmptyState>
  );
}
