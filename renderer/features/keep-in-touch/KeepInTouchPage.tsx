import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { Button, EmptyState, ViewBoundary } from '../../ui';
import { useEncounterDialogs } from '../encounters';
import { useNetworkModel } from '../network/model';
import { FadingTieItem } from './FadingTieItem';
import './keep-in-touch.css';

/**
 * The ties that are fading today, measured against their own rhythm or the cadence the owner set,
 * bridges first (they decay fastest and are the hardest to replace). Each has one action: journal
 * an encounter with that person.
 */
export function KeepInTouchPage() {
  const model = useNetworkModel();
  const { newEncounter } = useEncounterDialogs();
  const { setDay, today } = model;

  // Keep in touch is about now: the date chosen on the map (perhaps years back) is moved to today.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) return;
    moved.current = true;
    setDay(today);
  }, [setDay, today]);

  const record = (personId: string) => newEncounter({ participantIds: [personId] });
  const ready = model.analysedDay === today && model.status === 'ready';
  const fading = model.fading;

  return (
    <div className="page keep-in-touch">
      <header className="page__header">
        <div>
          <h1 className="page__title">Keep in touch</h1>
          <p className="page__subtitle">
            {ready && fading.length > 0
              ? `${fading.length} ${fading.length === 1 ? 'tie is' : 'ties are'} fading: quiet for longer than usual, or past the cadence you set.`
              : 'Ties that have gone quiet for longer than usual, or past the cadence you set.'}
          </p>
        </div>
      </header>
      {model.status === 'error' ? (
        <p role="alert">Kith could not work out your ties: {model.error}</p>
      ) : model.empty ? (
        <EmptyState
          title="Nothing to keep in touch with yet"
          actions={
            <Button variant="primary" onClick={() => newEncounter()}>
              Record an encounter
            </Button>
          }
        >
          <p>
            Kith learns the rhythm of each tie from the encounters you journal, and tells you here when
            someone has been quiet for much longer than usual.
          </p>
        </EmptyState>
      ) : !ready ? (
        <p className="muted" aria-busy="true">
          Working out your ties…
        </p>
      ) : fading.length === 0 ? (
        <EmptyState
          title="No ties are fading"
          actions={
            <>
              <Link href={paths.people}>Go to people</Link>
              <Button onClick={() => newEncounter()}>Record an encounter</Button>
            </>
          }
        >
          <p>
            Everyone is within their usual rhythm. To be reminded of someone in particular, set a cadence on
            their page (Edit, then “Keep in touch every (days)”). And keep journaling: each encounter teaches
            Kith how often you usually see someone, and a tie that stays quiet many times longer than that
            shows up here.
          </p>
        </EmptyState>
      ) : (
        <ViewBoundary what="the fading ties" resetKeys={[fading]}>
          <ul className="list fading-list" aria-label="Fading ties">
            {fading.map((tie) => (
              <FadingTieItem key={tie.personId} tie={tie} onRecord={record} />
            ))}
          </ul>
        </ViewBoundary>
      )}
    </div>
  );
}
