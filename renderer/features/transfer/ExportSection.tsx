import { useState } from 'react';
import { todayString } from '../../../shared/domain/days';
import { useDb } from '../../db';
import { saveFile } from '../../platform';
import { Button, DateField, UNREADABLE_ENTRY } from '../../ui';
import { useStrengthSettings } from '../settings';
import { errorMessage } from './errorMessage';
import { exportFile, type ExportKind } from './exportFile';

const ITEMS: { kind: ExportKind; title: string; text: string; button: string }[] = [
  {
    kind: 'backup',
    title: 'Backup',
    text: 'Everything in one file Kith can restore: people, encounters, communities, ties, follow-ups and settings.',
    button: 'Export a backup',
  },
  {
    kind: 'vcard',
    title: 'People as contacts',
    text: 'A vCard 4.0 file your phone, Outlook or Google Contacts can import.',
    button: 'Export people (vCard)',
  },
  {
    kind: 'encounters-csv',
    title: 'Encounters as a spreadsheet',
    text: 'One row per encounter, with the people met, for Excel, Numbers or LibreOffice.',
    button: 'Export encounters (CSV)',
  },
  {
    kind: 'markdown',
    title: 'Journal as text',
    text: 'Every encounter by day, newest first, in Markdown: readable as it is, in any editor.',
    button: 'Export the journal (Markdown)',
  },
];

/** Export: a backup and the open formats, each saved where the person chooses (or downloaded). */
export function ExportSection() {
  const db = useDb();
  const settings = useStrengthSettings();
  const [day, setDay] = useState<string>(() => todayString());
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const dayError = day === '' ? 'Choose a day.' : day === UNREADABLE_ENTRY ? 'Enter a real day.' : undefined;

  const run = async (kind: ExportKind) => {
    setBusy(kind);
    setMessage(null);
    try {
      const file = await exportFile(db, kind, { day, settings });
      const saved = await saveFile(file);
      setMessage(saved.saved ? { tone: 'ok', text: `Saved ${saved.name}.` } : null);
    } catch (error) {
      setMessage({ tone: 'error', text: `The export failed: ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const button = (kind: ExportKind, label: string, disabled = false) => (
    <Button disabled={busy !== null || disabled} onClick={() => void run(kind)}>
      {busy === kind ? 'Exporting…' : label}
    </Button>
  );

  return (
    <section className="card stack transfer__section" aria-labelledby="export-heading">
      <h2 id="export-heading" className="settings__heading">
        Export
      </h2>
      <p className="muted">Your journal is yours: take it anywhere, in formats other apps read.</p>
      <ul className="list transfer__exports">
        {ITEMS.map((item) => (
          <li key={item.kind} className="list__item transfer__export">
            <div>
              <h3 className="transfer__export-title">{item.title}</h3>
              <p className="muted">{item.text}</p>
            </div>
            {button(item.kind, item.button)}
          </li>
        ))}
        <li className="list__item transfer__export">
          <div>
            <h3 className="transfer__export-title">The network at a date</h3>
            <p className="muted">
              People and the strength of each tie as of the day you choose, for Gephi and other graph tools.
            </p>
            <DateField label="Network as of" value={day} error={dayError} onValueChange={setDay} />
          </div>
          <div className="row">
            {button('gexf', 'Export network (GEXF)', dayError !== undefined)}
            {button('graphml', 'Export network (GraphML)', dayError !== undefined)}
          </div>
        </li>
      </ul>
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={message.tone === 'error' ? 'form-alert' : 'muted'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
