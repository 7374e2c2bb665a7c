import { useState } from 'react';
import { useLocation } from 'wouter';
import { deleteStoredDocument, removeReference, type HealthProblem } from '../../../shared/db';
import { paths } from '../../app/paths';
import { useDb } from '../../db';
import { Button, count, useReportErrors, ViewBoundary } from '../../ui';
import { useEncounterDialogs } from '../encounters';
import { useUndo } from '../undo';
import { ProblemItem } from './ProblemItem';
import { useJournalCheck } from './useJournalCheck';

/** Problems listed at first: a sync cut short can leave thousands of references dangling. */
const SHOWN_AT_ONCE = 100;

const sameDocument = (a: HealthProblem) => (b: HealthProblem) =>
  a.collection === b.collection && a.docId === b.docId;

/** "Check the journal": runs the check on request, shows its progress, then each problem with its fixes. */
export function JournalCheckPanel() {
  const db = useDb();
  const { record } = useUndo();
  const { openEncounter } = useEncounterDialogs();
  const [, navigate] = useLocation();
  const run = useReportErrors();
  const { state, run: check, settle } = useJournalCheck();
  const [shown, setShown] = useState(SHOWN_AT_ONCE);

  const open = (p: HealthProblem): (() => void) | undefined => {
    if (p.collection === 'encounters') return () => openEncounter(p.docId, { edit: true });
    if (p.collection === 'people') return () => navigate(paths.person(p.docId));
    if (p.collection === 'communities') return () => navigate(paths.community(p.docId));
    return undefined;
  };
  const remove = (p: HealthProblem) =>
    run(async () => {
      record(await deleteStoredDocument(db, p.collection, p.docId, p.label));
      settle(sameDocument(p));
    });
  const unlink = (p: HealthProblem) =>
    run(async () => {
      if (p.kind !== 'dangling') return;
      record(await removeReference(db, p));
      settle((q) => q === p || (sameDocument(p)(q) && q.kind === 'dangling' && q.missingId === p.missingId));
    });

  const running = state.status === 'running';
  return (
    <section className="health__part" aria-labelledby="journal-check-heading">
      <h3 id="journal-check-heading" className="health__title">
        Check the journal
      </h3>
      <p className="muted">
        Reads every document in your journal and lists any that break its rules (a date that does not exist, a
        missing name) or point at something that is not there (a person met who was deleted on another
        device), each with a way to fix it.
      </p>
      <div className="health__run">
        <Button onClick={check} disabled={running}>
          {state.status === 'done' ? 'Check again' : 'Check the journal'}
        </Button>
        {running && (
          <>
            <progress
              className="health__progress"
              aria-label="Checking the journal"
              value={state.checked}
              max={Math.max(state.total, 1)}
            />
            <span className="muted" aria-live="polite">
              Checked {state.checked.toLocaleString()} of {count(state.total, 'document', 'documents')}…
            </span>
          </>
        )}
      </div>
      {state.status === 'failed' && (
        <p role="alert" className="form-alert">
          The check stopped: {state.error}
        </p>
      )}
      {state.status === 'done' &&
        (state.problems.length === 0 ? (
          <p role="status">No problems found in {count(state.checked, 'document', 'documents')}.</p>
        ) : (
          <>
            <p role="status">
              {count(state.problems.length, 'problem', 'problems')} found in{' '}
              {count(state.checked, 'document', 'documents')}.
            </p>
            <ul className="list card health__list" aria-label="Problems found">
              {state.problems.slice(0, shown).map((p, i) => (
                <ViewBoundary key={`${p.collection}/${p.docId}/${i}`} what="this problem" size="row" listItem>
                  <ProblemItem
                    problem={p}
                    onOpen={open(p)}
                    onDelete={() => remove(p)}
                    onRemoveReference={() => unlink(p)}
                  />
                </ViewBoundary>
              ))}
            </ul>
            {state.problems.length > shown && (
              <div>
                <Button onClick={() => setShown((n) => n + SHOWN_AT_ONCE)}>
                  Show {Math.min(SHOWN_AT_ONCE, state.problems.length - shown)} more of{' '}
                  {(state.problems.length - shown).toLocaleString()}
                </Button>
              </div>
            )}
          </>
        ))}
    </section>
  );
}
