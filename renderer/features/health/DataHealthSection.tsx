import { JournalCheckPanel } from './JournalCheckPanel';
import { SetAsideList } from './SetAsideList';
import './health.css';

/**
 * Settings › Data health: what arrived but could not be stored (set aside), and a check of everything
 * that is stored. Nothing stored can take the app down, but a bad document still deserves a fix.
 */
export function DataHealthSection() {
  return (
    <section className="card settings__section health" aria-labelledby="data-health-heading">
      <h2 id="data-health-heading" className="settings__heading">
        Data health
      </h2>
      <SetAsideList />
      <JournalCheckPanel />
    </section>
  );
}
