import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { RxCollection } from 'rxdb';
import type { KithDatabase } from '../../../../shared/db';
import { todayString } from '../../../../shared/domain/days';
import { useCollectionFeed, useCommunities, useDb, useEncounters, usePeople } from '../../../db';
import { useStrengthSettings } from '../../settings';
import { NetworkClient } from './client';
import { NetworkContext } from './context';
import { dexieSource } from './dexieSource';
import type { JournalSource } from './journalSource';
import { defaultTransport, type TransportFactory } from './transport';

/** The first journal goes to the worker at once; later edits are batched, as edits come in bursts. */
const FIRST_SEND_MS = 30;
const DEBOUNCE_MS = 300;

/**
 * Holds the network model for the whole app. Lazy: no query runs and no worker starts until a
 * component calls useNetworkModel(); from then on the worker stays, so going back to the map is instant.
 */
export function NetworkModelProvider({
  children,
  transport = defaultTransport,
}: {
  children: ReactNode;
  transport?: TransportFactory;
}) {
  const [client] = useState(() => new NetworkClient(transport, todayString()));
  const [active, setActive] = useState(false);
  useEffect(() => () => client.dispose(), [client]);
  const activate = useCallback(() => setActive(true), []);
  const value = useMemo(() => ({ client, activate }), [client, activate]);
  return (
    <NetworkContext.Provider value={value}>
      {active && <Journal client={client} />}
      {children}
    </NetworkContext.Provider>
  );
}

/** The journal's way to the worker: read there from storage where it can be, else sent from here. */
function Journal({ client }: { client: NetworkClient }) {
  const db = useDb();
  const source = useMemo(() => (typeof Worker === 'undefined' ? null : dexieSource(db)), [db]);
  const failed = useSyncExternalStore(client.subscribe, () => client.directReadFailed);
  return source && !failed ? (
    <DirectJournal client={client} db={db} source={source} />
  ) : (
    <JournalFeed client={client} />
  );
}

/**
 * The page sends what it holds already (everyone, the encounters and communities, which its views
 * read anyway) while the worker reads the ties from storage itself: the one collection only the
 * model needs, and the largest. The ties' change events alone say when to read them again.
 */
function DirectJournal({
  client,
  db,
  source,
}: {
  client: NetworkClient;
  db: KithDatabase;
  source: JournalSource;
}) {
  const people = usePeople();
  const encounters = useEncounters();
  const communities = useCommunities();
  const settings = useStrengthSettings();
  const [tiesVersion, setTiesVersion] = useState(0);
  useEffect(() => {
    const ties = db.ties as unknown as RxCollection;
    const subscription = ties.eventBulks$.subscribe(() => setTiesVersion((v) => v + 1));
    return () => subscription.unsubscribe();
  }, [db]);
  useFirstArrival('people', people);
  useFirstArrival('encounters', encounters);
  useFirstArrival('communities', communities);
  useEffect(() => {
    if (!people || !encounters || !communities || !settings) return;
    const delay = client.state.status === 'idle' ? FIRST_SEND_MS : DEBOUNCE_MS;
    const timer = setTimeout(
      () =>
        client.setJournal({ people, encounters, communities }, todayString(), settings, {
          source,
          collections: ['ties'],
        }),
      delay,
    );
    return () => clearTimeout(timer);
  }, [client, source, people, encounters, communities, settings, tiesVersion]);
  return null;
}

function JournalFeed({ client }: { client: NetworkClient }) {
  // The network page's own views hold the other lists already; the ties only the model needs, and
  // turning 50,000 of them into live-query documents at once blocked the page (see useCollectionFeed).
  const people = usePeople();
  const encounters = useEncounters();
  const ties = useCollectionFeed('ties');
  const communities = useCommunities();
  // A change of settings rebuilds the model like an edit of the journal does.
  const settings = useStrengthSettings();
  useFirstArrival('people', people);
  useFirstArrival('encounters', encounters);
  useFirstArrival('ties', ties);
  useFirstArrival('communities', communities);
  useEffect(() => {
    if (!people || !encounters || !ties || !communities || !settings) return;
    const delay = client.state.status === 'idle' ? FIRST_SEND_MS : DEBOUNCE_MS;
    const timer = setTimeout(
      () => client.setJournal({ people, encounters, ties, communities }, todayString(), settings),
      delay,
    );
    return () => clearTimeout(timer);
  }, [client, people, encounters, ties, communities, settings]);
  return null;
}

/**
 * A performance mark when a piece of the journal first reaches the model's feed (its detail: the
 * collection), so the bench can tell where the time before the first build goes.
 */
function useFirstArrival(what: string, value: unknown) {
  const arrived = value !== undefined;
  useEffect(() => {
    if (arrived) performance.mark('kith:network-feed', { detail: what });
  }, [arrived, what]);
}
