import { useMemo, useState } from 'react';
import {
  describeCounts,
  dismissInterruptedWrite,
  interruptedWrite$,
  retryPendingRollback,
  type InterruptedWrite,
  type WriteDescription,
} from '../../../shared/db';
import { unrestoredJournal$, useDb, useObservable, type UnrestoredJournal } from '../../db';
import { backupFileName } from '../../../shared/transfer';
import { saveBackupText } from './backupJson';
import { Button, useReportErrors } from '../../ui';
import { errorMessage } from './errorMessage';

/** "An import of contacts.vcf", "A restore of kith-backup.json (replacing the journal)". */
function whichWrite(w: WriteDescription): string {
  if (w.kind === 'import') return `An import of ${w.source}`;
  return `A restore of ${w.source}${w.mode === 'replace' ? ' (replacing the journal)' : w.mode === 'merge' ? ' (merged)' : ''}`;
}

export function interruptedWriteText(w: InterruptedWrite): string {
  if (w.outcome === 'restored') {
    const documents = (w.restored ?? 0).toLocaleString('en-US');
    return (
      `${whichWrite(w)} was interrupted, and the browser lost Kith’s stored journal with it (a browser may, when ` +
      `its disk fills up during a write). Kith has put the journal back from the copy it kept just before ` +
      `(${documents} documents): it is as it was before. Free some space before you ${w.kind} it again.`
    );
  }
  if (w.outcome === 'kept') {
    return (
      `${whichWrite(w)} was interrupted just as it finished. Everything it brought in had already been saved, ` +
      'so Kith kept it: the journal is as it was after it.'
    );
  }
  if (w.outcome === 'undone') {
    return `${whichWrite(w)} was interrupted and has been undone: the journal is as it was before. Import or restore it again to bring it in.`;
  }
  return (
    `${whichWrite(w)} was interrupted, and ${describeCounts(w.left)} it had written could not be taken back yet, ` +
    'because the storage is full. Kith will take them back the next time it starts, or now with “Try again” ' +
    'once you have freed some space. Until then sync is paused, so none of it leaves this device.'
  );
}

/**
 * The browser lost the journal's storage during an import or restore and putting it back from the
 * copy failed every time: the copy is still in this page's memory, and goes when the page does, so
 * the one thing to do is to save it.
 */
function UnrestoredJournalNotice({ lost }: { lost: UnrestoredJournal }) {
  const [saved, setSaved] = useState('');
  const [problem, setProblem] = useState('');
  const fileName = backupFileName();
  const save = async () => {
    setProblem('');
    try {
      await saveBackupText(fileName, lost.text);
      setSaved(`Saved as ${fileName}. Free some space, reload Kith, then restore it under Import & export.`);
    } catch (failure) {
      setProblem(errorMessage(failure));
    }
  };
  return (
    <div className="card stack interrupted-write" role="alert" aria-label="Journal lost by the browser">
      <p>
        {`${whichWrite(lost.description)} was interrupted, and the browser lost Kith’s stored journal with it. ` +
          `Kith could not put it back from the copy it kept (${lost.problem}). Save the copy now, before you close or reload this page.`}
      </p>
      {saved && <p>{saved}</p>}
      {problem && <p className="form-alert">{problem}</p>}
      <div className="row">
        <Button variant="primary" onClick={() => void save()}>
          Save the copy of the journal
        </Button>
      </div>
    </div>
  );
}

/**
 * Told once: an import or restore that a crash (or a full disk) interrupted was taken back at start,
 * or is still waiting to be. Shown above every page until dismissed (an undone one) or finished (a
 * pending one).
 */
export function InterruptedWriteNotice() {
  const db = useDb();
  const notice = useObservable(useMemo(() => interruptedWrite$(db), [db]));
  const unrestored = useObservable(unrestoredJournal$);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const run = useReportErrors();
  if (unrestored) return <UnrestoredJournalNotice lost={unrestored} />;
  if (!notice) return null;

  const retry = async () => {
    setBusy(true);
    setProblem('');
    try {
      const outcome = await retryPendingRollback(db);
      if (outcome?.outcome === 'pending')
        setProblem('The storage is still full: nothing more could be taken back.');
    } catch (failure) {
      setProblem(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="card stack interrupted-write"
      role={notice.outcome === 'pending' ? 'alert' : 'status'}
      aria-label="Interrupted import or restore"
    >
      <p>{interruptedWriteText(notice)}</p>
      {problem && <p className="form-alert">{problem}</p>}
      <div className="row">
        {notice.outcome === 'pending' ? (
          <Button variant="primary" disabled={busy} onClick={() => void retry()}>
            {busy ? 'Taking back…' : 'Try again'}
          </Button>
        ) : (
          <Button
            onClick={() =>
              // The notice goes at once; if forgetting it fails, a toast says why it may come back.
              run(
                () => dismissInterruptedWrite(db),
                'Kith could not put this notice away, so it may show again the next time Kith starts',
              )
            }
          >
            OK
          </Button>
        )}
      </div>
    </div>
  );
}
