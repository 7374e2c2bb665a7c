import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { RxCollection } from 'rxdb';
import type { KithDatabase } from '../../../../shared/db';
import { todayString } from '../../../../shared/domain/days';
import { useCollectionFeed, useCommunities, useDb, useEncounters, usePeople } from '../../../db';
import { useStrengthSettings } from '../../settings';
import { NetworkClient } from './client';
import { NetworkContext } from './context';
import { dexieSource } from './dexieSource';
import type { JournalSource } from './journalSource';
import { keptDatabases } from './keptJournal';
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
 * The worker reads the ties from storage itself (the page holds no copy of them), and the rest too
 * once it keeps a copy of them (./keptJournal): it then reads only what changed, and the page sends
 * nothing, its main thread free to draw (a heavy journal's 40,000 encounters sent in chunks held the
 * kept map's first frame back by a second). Without a copy the page sends what its views hold
 * already (everyone, the encounters and communities): quicker than the worker's whole read of them
 * (measured by `npm run bench -- --only map`, docs/benchmarks.md). The collections' change events
 * say when to read again.
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
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const subscriptions = READ_COLLECTIONS.map((name) =>
      (db[name] as unknown as RxCollection).eventBulks$.subscribe(() => setVersion((v) => v + 1)),
    );
    return () => subscriptions.forEach((s) => s.unsubscribe());
  }, [db]);
  useFirstArrival('people', people);
  useFirstArrival('encounters', encounters);
  useFirstArrival('communities', communities);
  const latest = useRef(0);
  const send = useMemo(
    () =>
      people &&
      encounters &&
      communities &&
      settings &&
      (async () => {
        const mine = ++latest.current;
        const kept = await keptDatabases();
        // A newer version of the journal is on its way: this one is not sent.
        if (mine !== latest.current) return;
        const held = { people, encounters, communities };
        const all = SENT.every((name) => kept.has(source[name].database));
        client.setJournal(all ? {} : held, todayString(), settings, {
          source,
          collections: all ? [...READ_COLLECTIONS] : ['ties'],
        });
      }),
    [client, source, people, encounters, communities, settings],
  );
  useDebouncedSend(client, send, version);
  return null;
}

/** What the page can send, as its views hold them. */
const SENT = ['people', 'encounters', 'communities'] as const;
const READ_COLLECTIONS = ['people', 'encounters', 'ties', 'communities'] as const;

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
  const send = useMemo(
    () =>
      people &&
      encounters &&
      ties &&
      communities &&
      settings &&
      (() => client.setJournal({ people, encounters, ties, communities }, todayString(), settings)),
    [client, people, encounters, ties, communities, settings],
  );
  useDebouncedSend(client, send);
  return null;
}

/**
 * Runs `send` whenever it (or `version`) changes, once the journal has been quiet a moment (at once
 * for the first).
 */
function useDebouncedSend(client: NetworkClient, send: (() => unknown) | undefined, version = 0) {
  useEffect(() => {
    if (!send) return;
    const delay = client.state.status === 'idle' ? FIRST_SEND_MS : DEBOUNCE_MS;
    const timer = setTimeout(() => void send(), delay);
    return () => clearTimeout(timer);
  }, [client, send, version]);
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
