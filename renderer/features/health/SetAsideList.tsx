import { useState } from 'react';
import {
  discardAllQuarantined,
  discardQuarantined,
  quarantinedRaw,
  type QuarantinedDocument,
} from '../../../shared/db';
import { useDb, useQuarantine } from '../../db';
import { saveFile } from '../../platform';
import { Button, count, errorText, FormAlert, useReportErrors, ViewBoundary } from '../../ui';
import { ConfirmDialog } from '../people/ConfirmDialog';
import { copyContent, copyFileName, setAsideTitle, SOURCE_WORDS, WHAT_TO_DO, whenText } from './words';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

type Asking = { kind: 'one'; entry: QuarantinedDocument } | { kind: 'all' } | null;

/**
 * "Documents set aside": what sync, a backup or an import brought that the journal could not store,
 * with where it came from, why, and what to do. The documents were never in the journal, so discarding
 * one changes nothing there; it cannot be undone, which the confirmation says.
 */
export function SetAsideList() {
  const db = useDb();
  const quarantine = useQuarantine();
  const run = useReportErrors();
  const [asking, setAsking] = useState<Asking>(null);
  const close = () => setAsking(null);

  const saveCopy = (entry: QuarantinedDocument) =>
    run(async () => {
      const raw = await quarantinedRaw(db, entry.key);
      await saveFile({
        title: 'Save a copy of what was set aside',
        suggestedName: copyFileName(entry),
        filters: [{ name: 'JSON', extensions: ['json'] }],
        mimeType: 'application/json',
        content: copyContent(entry, raw),
      });
    });

  if (quarantine.status === 'loading') return <p className="muted">Loading…</p>;
  if (quarantine.status === 'failed')
    return (
      <section className="health__part" aria-labelledby="set-aside-heading">
        <h3 id="set-aside-heading" className="health__title">
          Documents set aside
        </h3>
        <FormAlert
          message={`The list of documents set aside could not be read (${errorText(quarantine.error)}). Nothing was discarded; come back to this page to try again.`}
        />
      </section>
    );
  const { entries, dropped } = quarantine.value;
  return (
    <section className="health__part" aria-labelledby="set-aside-heading">
      <h3 id="set-aside-heading" className="health__title">
        Documents set aside
      </h3>
      {entries.length === 0 ? (
        <p className="muted">
          Nothing set aside. When sync, a backup or an import brings a document Kith cannot store (a date that
          does not exist, a damaged record), it is kept here instead of in your journal, with the reason and
          what to do, and everything else goes on as usual.
        </p>
      ) : (
        <>
          <p className="muted">
            {count(entries.length, 'document', 'documents')} arrived that Kith could not store. They are not
            in your journal; everything else that arrived with them is.
            {dropped > 0 &&
              ` ${count(dropped, 'older entry was', 'older entries were')} dropped to keep the list short.`}
          </p>
          {/* Newest first: the one that just arrived is the one being looked for. */}
          <ul className="list card health__list" aria-label="Documents set aside">
            {[...entries].reverse().map((entry) => (
              <ViewBoundary key={entry.key} what="this entry" size="row" listItem>
                <SetAsideItem
                  entry={entry}
                  onSave={() => saveCopy(entry)}
                  onDiscard={() => setAsking({ kind: 'one', entry })}
                />
              </ViewBoundary>
            ))}
          </ul>
          <div>
            <Button variant="danger" onClick={() => setAsking({ kind: 'all' })}>
              Discard all
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={
          asking?.kind === 'one'
            ? `Discard ${lowerFirst(setAsideTitle(asking.entry))}?`
            : `Discard all ${count(entries.length, 'document', 'documents')} set aside?`
        }
        confirmLabel={asking?.kind === 'all' ? 'Discard all' : 'Discard'}
        danger
        onClose={close}
        onConfirm={async () => {
          if (asking?.kind === 'one') await discardQuarantined(db, [asking.entry.key]);
          else await discardAllQuarantined(db);
          close();
        }}
      >
        <p>
          Kith forgets what arrived. It was never in your journal, so nothing in the journal changes, but this
          cannot be undone: save a copy first if you may need it.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function SetAsideItem({
  entry,
  onSave,
  onDiscard,
}: {
  entry: QuarantinedDocument;
  onSave(): void;
  onDiscard(): void;
}) {
  const id = `set-aside-${entry.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li className="list__item health__item" aria-labelledby={id}>
      <div className="health__body">
        <h4 id={id} className="health__name">
          {setAsideTitle(entry)}
        </h4>
        <p>{entry.reason}</p>
        <p className="muted">
          From {SOURCE_WORDS[entry.source] ?? entry.source}
          {entry.origin && ` (${entry.origin})`}, set aside {whenText(entry.at)}.
        </p>
        <p className="muted">{WHAT_TO_DO[entry.source] ?? ''}</p>
      </div>
      <div className="health__actions">
        <Button size="sm" onClick={onSave}>
          Save a copy
        </Button>
        <Button size="sm" variant="danger" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </li>
  );
}
