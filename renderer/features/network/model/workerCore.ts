import type { Community, Encounter, Person, Tie } from '../../../../shared/domain/entities';
import { dayNumber, type StrengthSettings } from '../../../../shared/network';
import { analyse } from './analyse';
import { buildNetwork, builtMessage, type BuiltNetwork } from './buildNetwork';
import { STRUCTURE_PEOPLE, MIN_BUBBLE_MEMBERS } from '../../../viz/legibility';
import { clusterGroups, ForceLayout } from './layout';
import type { AnalysisMessage, Post, ToWorker } from './protocol';
import { answer, type GraphCache } from './requests';
import type { JournalCollection, JournalSource, ReadJournal } from './journalSource';
import { snapshotForJournal, type MapSnapshot } from './snapshot';

export interface WorkerCoreOptions {
  post: Post;
  /** Runs the next slice of the layout after pending messages (setTimeout 0 in a worker). */
  schedule?: (run: () => void) => void;
  now?: () => number;
  /** Layout time per slice: short, so that frames asked for while the layout runs are not kept waiting. */
  sliceMs?: number;
  /** How often unsettled positions are posted, so the map can show the layout taking shape. */
  progressEveryMs?: number;
  /** Reads the journal straight from storage ('journal-read'); without it such a message fails. */
  storage?: WorkerStorage;
}

/** What the worker reads and keeps in the browser's storage by itself. */
export interface WorkerStorage {
  /** The ids of everyone in the journal now (no documents: quick). */
  readPersonIds(source: JournalSource): Promise<ReadonlySet<string>>;
  readJournal(
    source: JournalSource,
    collections: readonly JournalCollection[],
  ): Promise<Partial<ReadJournal>>;
  loadSnapshot(journal: string): Promise<MapSnapshot | null>;
  saveSnapshot(snapshot: MapSnapshot): Promise<void>;
}

/**
 * Everything the network worker does, as a plain function of its messages: network.worker.ts only
 * wires it to postMessage, and tests (and browsers without workers) drive it directly.
 */
export function createNetworkWorkerCore(options: WorkerCoreOptions): { handle(message: ToWorker): void } {
  const { post } = options;
  const schedule = options.schedule ?? ((run) => setTimeout(run, 0));
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 12;
  const progressEveryMs = options.progressEveryMs ?? 120;

  let generation = 0;
  let pending: { people: Person[]; encounters: Encounter[]; ties: Tie[]; communities: Community[] } | null =
    null;
  let built: BuiltNetwork | null = null;
  let positions: Map<string, { x: number; y: number }> | undefined;
  const cache: GraphCache = { current: null };
  /** Requests wait behind frames and analyses: the slider must not stall behind a burst of them. */
  const requests: Extract<ToWorker, { type: 'request' }>[] = [];
  let draining = false;
  const strengths = { buffer: new Float64Array(0) };
  /** The journal read from storage (its people's storage name): what a snapshot is kept under. */
  let journal: string | null = null;
  let snapshotTried = false;
  /** This generation's share of the journal being read from storage ('journal-read'). */
  let reading: Promise<Partial<ReadJournal>> | null = null;
  /** The first analysis of a build, if of today: the snapshot's, once the layout settles. */
  let snapshotParts: { generation: number; analysis: AnalysisMessage } | null = null;

  const fail = (error: unknown) =>
    post({ type: 'error', generation, message: error instanceof Error ? error.message : String(error) }, []);

  function finishJournal(today: string, day: string, settings?: StrengthSettings) {
    if (!pending) throw new Error('The journal ended before it began (journal-end without journal-begin).');
    const started = now();
    const previous = built;
    post({ type: 'stage', generation, stage: 'strengths' }, []);
    built = buildNetwork(pending, today, settings);
    pending = null;
    cache.current = null;
    if (previous?.referenceGroups) built.referenceGroups = carryOver(previous, built);
    strengths.buffer = new Float64Array(built.index.ties.length);
    post(builtMessage(built, generation, now() - started), []);
    sendFrame(day);
    // The analysis goes before the layout, even on a big network where it takes a second: its
    // communities are the map's first readable picture (named bubbles over the people's starting
    // places), which the layout then refines in place.
    post({ type: 'stage', generation, stage: 'communities' }, []);
    const communities = sendAnalysis(day, day === today);
    post({ type: 'stage', generation, stage: 'layout' }, []);
    startLayout(built, communities);
    if (requests.length > 0 && !draining) {
      draining = true;
      schedule(drain);
    }
  }

  /**
   * Starts reading this generation's share of the journal from storage (the rest comes in chunks
   * from the page); the journal's end waits for it. The kept map, if any, is shown first.
   */
  function startReading(message: Extract<ToWorker, { type: 'journal-read' }>) {
    const mine = message.generation;
    const key = message.source.people.database;
    journal = key;
    const storage = options.storage;
    reading = (async () => {
      if (!storage) throw new Error('This worker cannot read the journal from storage.');
      // The last map kept, before the journal is read (once: later builds keep their picture). Its
      // small reads go first: the browser serves an origin's reads one after another, and behind
      // the journal's 50,000 ties they would wait for seconds.
      if (!built && !snapshotTried) {
        snapshotTried = true;
        await showSnapshot(storage, mine, key, message.source);
      }
      return storage.readJournal(message.source, message.collections);
    })();
    // Failing is answered at the journal's end; until then the rejection is expected, not lost.
    reading.catch(() => undefined);
  }

  async function finishAfterReading(message: Extract<ToWorker, { type: 'journal-end' }>) {
    const mine = message.generation;
    let read: Partial<ReadJournal>;
    try {
      read = await (reading as Promise<Partial<ReadJournal>>);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (mine === generation) post({ type: 'read-failed', generation: mine, message: text }, []);
      return;
    }
    // A newer journal was asked for while this one was read: only the newest is built.
    if (mine !== generation || !pending) return;
    reading = null;
    for (const key of ['people', 'encounters', 'ties', 'communities'] as const) {
      const list = read[key];
      // Not push(...list): a stress journal's 250,000 ties as arguments overflow the stack.
      if (list) for (const doc of list) (pending[key] as unknown[]).push(doc);
    }
    try {
      finishJournal(message.today, message.day, message.settings);
    } catch (error) {
      fail(error);
    }
  }

  /**
   * Posts the last map kept as this generation's built model, frame, analysis and settled places,
   * marked stale; the fresh build then replaces them, laid out from the same places.
   */
  async function showSnapshot(storage: WorkerStorage, mine: number, key: string, source: JournalSource) {
    let fit: MapSnapshot | null;
    try {
      const kept = await storage.loadSnapshot(key);
      fit = kept && snapshotForJournal(kept, key, await storage.readPersonIds(source));
    } catch {
      return;
    }
    // Too late: the fresh model (or a newer journal) is there already.
    if (!fit || built || mine !== generation) return;
    const { built: facts, analysis } = fit;
    positions = new Map(
      facts.nodes.map((n, i) => [
        n.id,
        { x: fit.positions[i * 2] as number, y: fit.positions[i * 2 + 1] as number },
      ]),
    );
    post({ ...facts, generation: mine, staleSince: fit.savedAt }, []);
    post(
      {
        type: 'frame',
        generation: mine,
        day: fit.day,
        nodeStrength: fit.nodeStrength,
        tieStrength: fit.tieStrength,
      },
      [fit.nodeStrength.buffer, fit.tieStrength.buffer],
    );
    post({ ...analysis, generation: mine }, []);
    post(
      {
        type: 'layout',
        generation: mine,
        positions: fit.positions,
        progress: 1,
        settled: true,
        ms: 0,
        computeMs: 0,
        stale: true,
      },
      [fit.positions.buffer],
    );
  }

  /** Keeps the settled map of the default view (today) for the next opening (see snapshot.ts). */
  function keepSnapshot(network: BuiltNetwork, mine: number, xy: Float32Array) {
    const storage = options.storage;
    const parts = snapshotParts;
    if (!storage || !journal || !parts || parts.generation !== mine) return;
    snapshotParts = null;
    const { nodeStrength, tieStrength } = strengthsOn(
      network,
      parts.analysis.day,
      new Float64Array(network.index.ties.length),
    );
    void storage
      .saveSnapshot({
        journal,
        savedAt: Date.now(),
        day: parts.analysis.day,
        built: builtMessage(network, mine, 0),
        analysis: parts.analysis,
        nodeStrength,
        tieStrength,
        positions: xy.slice(),
      })
      // Not kept: the next opening builds from the journal, as the first did.
      .catch(() => undefined);
  }

  function startLayout(network: BuiltNetwork, communities: Int32Array | null) {
    const mine = generation;
    // A large map is drawn as its communities (bubbles): it is laid out by them, each a region.
    const cluster = communities !== null && network.facts.length > STRUCTURE_PEOPLE;
    const input = cluster
      ? {
          ...network.layoutInput,
          groups: clusterGroups(communities, network.layoutInput.ownerStrength, MIN_BUBBLE_MEMBERS),
          cluster,
        }
      : network.layoutInput;
    const layout = new ForceLayout({ ...input, previous: positions });
    const started = now();
    let lastPost = started;
    let computeMs = 0;
    // The starting places at once (each community on its own spiral, or where people were): enough
    // for the first picture, long before the forces have run.
    if (!layout.settled) {
      const start = layout.positions();
      post(
        {
          type: 'layout',
          generation: mine,
          positions: start,
          progress: 0,
          settled: false,
          ms: 0,
          computeMs: 0,
        },
        [start.buffer],
      );
    }
    const slice = () => {
      if (mine !== generation) return;
      const sliceStart = now();
      const settled = layout.stepFor(sliceMs, now);
      const t = now();
      computeMs += t - sliceStart;
      if (!settled && t - lastPost < progressEveryMs) return schedule(slice);
      lastPost = t;
      const out = layout.positions();
      if (settled) {
        positions = positionsById(network, out);
        keepSnapshot(network, mine, out);
      }
      post(
        {
          type: 'layout',
          generation: mine,
          positions: out,
          progress: layout.progress,
          settled,
          ms: t - started,
          computeMs,
        },
        [out.buffer],
      );
      if (!settled) schedule(slice);
    };
    schedule(slice);
  }

  function sendFrame(day: string) {
    if (!built) return;
    const { nodeStrength, tieStrength } = strengthsOn(built, day, strengths.buffer);
    post({ type: 'frame', generation, day, nodeStrength, tieStrength }, [
      nodeStrength.buffer,
      tieStrength.buffer,
    ]);
  }

  /** Posts the analysis of a date; returns its communities per node (a copy: the message's moves). */
  function sendAnalysis(day: string, keep = false): Int32Array | null {
    if (!built) return null;
    const { message, analysis } = analyse(built, day, generation);
    cache.current = { day: analysis.day, graph: analysis.graph };
    const communities = message.clusterIndex.slice();
    snapshotParts = keep ? { generation, analysis: copyAnalysis(message) } : snapshotParts;
    post(message, [
      message.strength.buffer,
      message.clusterIndex.buffer,
      message.membershipStart.buffer,
      message.membership.buffer,
      message.layer.buffer,
      message.tieIndexes.buffer,
      message.tieStrengths.buffer,
    ]);
    return communities;
  }

  function drain() {
    // Asked before the first journal arrived: answered once it is built.
    if (!built) {
      draining = false;
      return;
    }
    const until = now() + sliceMs;
    while (requests.length > 0 && now() < until) {
      const { id, request } = requests.shift() as Extract<ToWorker, { type: 'request' }>;
      try {
        const result = answer(built, request, cache);
        post({ type: 'response', generation, id, ok: true, result }, []);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        post({ type: 'response', generation, id, ok: false, error: text }, []);
      }
    }
    if (requests.length > 0) schedule(drain);
    else draining = false;
  }

  return {
    handle(message: ToWorker) {
      try {
        switch (message.type) {
          case 'journal-begin':
            generation = message.generation;
            pending = { people: [], encounters: [], ties: [], communities: [] };
            reading = null;
            return;
          case 'journal-chunk':
            if (message.generation !== generation || !pending) return;
            pending.people.push(...(message.chunk.people ?? []));
            pending.encounters.push(...(message.chunk.encounters ?? []));
            pending.ties.push(...(message.chunk.ties ?? []));
            pending.communities.push(...(message.chunk.communities ?? []));
            return;
          case 'journal-end':
            if (message.generation !== generation) return;
            if (reading) return void finishAfterReading(message);
            return finishJournal(message.today, message.day, message.settings);
          case 'journal-read':
            if (message.generation !== generation || !pending) return;
            return startReading(message);
          case 'frame':
            return sendFrame(message.day);
          case 'analyse':
            return sendAnalysis(message.day);
          case 'request':
            requests.push(message);
            if (!draining) {
              draining = true;
              schedule(drain);
            }
            return;
        }
      } catch (error) {
        fail(error);
      }
    },
  };
}

function positionsById(network: BuiltNetwork, xy: Float32Array): Map<string, { x: number; y: number }> {
  const map = new Map<string, { x: number; y: number }>();
  network.facts.forEach((f, i) => map.set(f.id, { x: xy[i * 2] as number, y: xy[i * 2 + 1] as number }));
  return map;
}

/** The previous journal's reference clusters, by person id (newcomers: none yet). */
function carryOver(previous: BuiltNetwork, next: BuiltNetwork): Int32Array {
  const old = previous.referenceGroups as Int32Array;
  return Int32Array.from(next.facts, (f) => old[previous.nodeOf.get(f.id) ?? -1] ?? -1);
}

/**
 * Strengths on a day as a frame draws them: each person's tie to the owner (the owner: 1) and every
 * tie's. `scratch` holds the index's strengths (one per tie), reused between frames.
 */
function strengthsOn(
  network: BuiltNetwork,
  day: string,
  scratch: Float64Array,
): { nodeStrength: Float32Array; tieStrength: Float32Array } {
  const s = network.index.strengthsAt(dayNumber(day), scratch);
  const nodeStrength = new Float32Array(network.facts.length);
  nodeStrength[0] = 1;
  network.index.people.forEach((p, k) => {
    if (p.ownerTie >= 0) nodeStrength[k + 1] = s[p.ownerTie] as number;
  });
  return { nodeStrength, tieStrength: Float32Array.from(s) };
}

/** A copy whose buffers survive the original's being transferred. */
function copyAnalysis(m: AnalysisMessage): AnalysisMessage {
  return {
    ...m,
    strength: m.strength.slice(),
    clusterIndex: m.clusterIndex.slice(),
    membershipStart: m.membershipStart.slice(),
    membership: m.membership.slice(),
    layer: m.layer.slice(),
    tieIndexes: m.tieIndexes.slice(),
    tieStrengths: m.tieStrengths.slice(),
  };
}
