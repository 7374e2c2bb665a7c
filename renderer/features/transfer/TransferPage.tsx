import { ViewBoundary } from '../../ui';
import { ExportSection } from './ExportSection';
import { ImportWizard } from './import/ImportWizard';
import { RestoreSection } from './RestoreSection';
import './transfer.css';

/** Import & export: bring the network in, take the journal out, restore a backup. */
export function TransferPage() {
  return (
    <div className="page transfer">
      <header className="page__header">
        <div>
          <h1 className="page__title">Import &amp; export</h1>
          <p className="page__subtitle">Bring in the people you already know; take your journal anywhere.</p>
        </div>
      </header>
      <section className="card stack transfer__section" aria-labelledby="import-heading">
        <h2 id="import-heading" className="settings__heading">
          Import
        </h2>
        <div className="muted transfer__teach">
          <p>Kith reads the files other apps export. You see every row before anything is saved.</p>
          <ul>
            <li>
              <strong>Phone and email contacts</strong>: a .vcf file (iPhone and Mac Contacts: select all,
              then Export vCard; Google Contacts and Outlook: Export as vCard).
            </li>
            <li>
              <strong>LinkedIn</strong>: Settings › Data privacy › Get a copy of your data › Connections gives
              Connections.csv.
            </li>
            <li>
              <strong>Google Contacts as CSV</strong>, or any other spreadsheet saved as CSV: you choose which
              column is the name, the email and so on.
            </li>
            <li>
              <strong>Calendars</strong>: a .ics file from Google, Outlook or Apple Calendar; the events you
              choose become encounters with their attendees.
            </li>
          </ul>
        </div>
        <ViewBoundary what="the import">
          <ImportWizard />
        </ViewBoundary>
      </section>
      {/* Export stays reachable whatever else fails: it is how a journal is saved and repaired. */}
      <ViewBoundary what="the export">
        <ExportSection />
      </ViewBoundary>
      <ViewBoundary what="restoring a backup">
        <RestoreSection />
      </ViewBoundary>
    </div>
  );
}
