import type { Community, DayString, Encounter, Person, Tie } from '../../../../shared/domain/entities';
import type { StrengthSettings } from '../../../../shared/network';
import { assembleNodes, countPersonTies, markBridges } from './assemble';
import type {
  AnalysisMessage,
  BuiltMessage,
  FromWorker,
  JournalChunk,
  WorkerRequest,
  WorkerResults,
} from './protocol';
import { slimEncounter, slimPerson } from './slim';
import type { NetworkTransport, TransportFactory } from './transport';
import type { JournalCollection, JournalSource } from './journalSource';
import type {
  BuildProgress,
  BuildStage,
  FrameStore,
  MapHighlight,
  MapStructure,
  NetworkFrame,
  NetworkModel,
} from './types';

export type NetworkState = Omit<
  NetworkModel,
  'setDay' | 'setHighlight' | 'requestPath' | 'explain' | 'strengthSeries' | 'composition' | 'frames'
>;

export interface Journal {
  people: Person[];
  encounters: Encounter[];
  ties: Tie[];
  communities: Community[];
}

/** Documents per postMessage: each chunk is cloned in its own short task. */
const CHUNK = 1500;
/** The analysis follows the date this long after the slider stops. */
const ANALYSE_DELAY_MS = 150;
/** While the date keeps moving, analyse at least this often, if an analysis is cheap. */
const ANALYSE_MAX_WAIT_MS = 1000;
const CHEAP_ANALYSIS_MS = 60;

/**
 * Where each stage starts in the build's progress (0..1), from its usual share of a heavy
 * journal's build: reading the journal over, the strengths (time index), the communities, and
 * the layout (which runs on after the first picture, so the bar ends when the picture appears).
 */
const STAGE_START: Record<BuildStage, number> = {
  reading: 0,
  strengths: 0.25,
  communities: 0.65,
  layout: 0.9,
};
const STAGE_END: Record<BuildStage, number> = { reading: 0.25, strengths: 0.65, communities: 0.9, layout: 1 };

/** A performance mark at the start of each stage of a first build (its detail: the stage). */
export const STAGE_MARK = 'kith:network-stage';

function stageProgress(stage: BuildStage, share: number): BuildProgress {
  const from = STAGE_START[stage];
  return { stage, done: from + (STAGE_END[stage] - from) * Math.min(1, Math.max(0, share)) };
}

/**
 * The main thread's side of the network model: sends the journal to the worker, keeps the answers
 * as an immutable snapshot for React (useSyncExternalStore) and the latest frame for canvases.
 */
export class NetworkClient {
  private transport: NetworkTransport | null = null;
  private listeners = new Set<() => void>();
  private frameListeners = new Set<() => void>();
  private generation = 0;
  private built: BuiltMessage | null = null;
  private analysis: AnalysisMessage | null = null;
  private settled: Float32Array | null = null;
  private frame: NetworkFrame | null = null;
  private frameInFlight = false;
  private analysisInFlight = false;
  private analysisWanted: DayString | null = null;
  private analyseTimer: ReturnType<typeof setTimeout> | null = null;
  private firstUnanalysedChange = 0;
  private lastAnalysisMs = 0;
  /** When the date last moved (performance.now()), and an analysis kept back until it rests. */
  private dayMovedAt = Number.NEGATIVE_INFINITY;
  private heldAnalysis: AnalysisMessage | null = null;
  private holdTimer: ReturnType<typeof setTimeout> | null = null;
  private requests = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextRequest = 1;
  state: NetworkState;

  /** A fresh model that arrived while the kept picture shows, held until its analysis comes too. */
  private heldBuilt: BuiltMessage | null = null;
  private heldFrame: Extract<FromWorker, { type: 'frame' }> | null = null;

  private livePositions: Float32Array | null = null;
  private liveProgress = 0;

  readonly frames: FrameStore = {
    get: () => this.frame,
    positions: () => this.livePositions,
    progress: () => this.liveProgress,
    subscribe: (listener) => {
      this.frameListeners.add(listener);
      return () => this.frameListeners.delete(listener);
    },
  };

  constructor(
    private readonly createTransport: TransportFactory,
    today: DayString,
  ) {
    this.state = {
      status: 'idle',
      error: null,
      empty: false,
      progress: null,
      staleSince: null,
      ownerId: null,
      learned: null,
      today,
      range: null,
      day: today,
      analysedDay: null,
      analysing: false,
      nodes: [],
      nodeIndex: new Map(),
      personTies: 0,
      journalCommunities: [],
      clusters: [],
      layers: [],
      fading: [],
      brokers: [],
      bridges: new Set(),
      layout: { status: 'idle' },
      structure: null,
      highlight: { focus: null, path: null },
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.state;

  private update(patch: Partial<NetworkState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** True once the worker has failed to read the journal from storage (see readJournal). */
  directReadFailed = false;

  /**
   * Sends a new version of the journal (or of the settings); the worker rebuilds everything from it.
   * With `read`, the worker reads those collections from storage itself (the page holds no copy of
   * them and clones nothing) while the page sends the rest; should it fail, `directReadFailed`
   * turns true and the page sends the whole journal from then on.
   */
  setJournal(
    journal: Partial<Journal>,
    today: DayString,
    settings?: StrengthSettings,
    read?: { source: JournalSource; collections: JournalCollection[] },
  ) {
    const transport = this.ensureTransport();
    const { generation, first } = this.beginJournal(today);
    transport.post({ type: 'journal-begin', generation });
    if (read) transport.post({ type: 'journal-read', generation, ...read });
    const chunks: (() => JournalChunk)[] = [];
    const slices = <T, U>(list: T[], key: keyof JournalChunk, map: (x: T) => U) => {
      for (let i = 0; i < list.length; i += CHUNK) {
        chunks.push(() => ({ [key]: list.slice(i, i + CHUNK).map(map) }));
      }
    };
    slices(journal.people ?? [], 'people', slimPerson);
    slices(journal.encounters ?? [], 'encounters', slimEncounter);
    slices(journal.ties ?? [], 'ties', (t) => t);
    slices(journal.communities ?? [], 'communities', (c) => c);
    const total = chunks.length;
    let shown = 0;
    const next = () => {
      if (generation !== this.generation || this.transport !== transport) return;
      const make = chunks.shift();
      if (make) {
        transport.post({ type: 'journal-chunk', generation, chunk: make() });
        // Every update re-renders the page: the bar moves in tenths of the reading, not per chunk.
        const tenth = Math.floor((10 * (total - chunks.length)) / Math.max(1, total));
        if (first && tenth > shown) {
          shown = tenth;
          this.update({ progress: stageProgress('reading', tenth / 10) });
        }
        setTimeout(next, 0);
      } else {
        transport.post({ type: 'journal-end', generation, today, day: this.state.day, settings });
      }
    };
    next();
  }

  /** A new generation of the journal; the first build shows its progress, a rebuild keeps the picture. */
  private beginJournal(today: DayString): { generation: number; first: boolean } {
    const generation = ++this.generation;
    const first = !this.built;
    if (first) performance.mark(STAGE_MARK, { detail: 'reading' });
    this.update({
      status: first ? 'building' : this.state.status,
      today,
      progress: first ? stageProgress('reading', 0) : this.state.progress,
    });
    return { generation, first };
  }

  setDay = (day: DayString) => {
    if (day === this.state.day) return;
    this.dayMovedAt = performance.now();
    this.update({ day });
    this.requestFrame();
    this.scheduleAnalysis();
  };

  setHighlight = (highlight: Partial<MapHighlight>) => {
    this.update({ highlight: { ...this.state.highlight, ...highlight } });
  };

  request<K extends WorkerRequest['kind']>(
    request: Extract<WorkerRequest, { kind: K }>,
  ): Promise<WorkerResults[K]> {
    const transport = this.ensureTransport();
    const id = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve: resolve as (value: unknown) => void, reject });
      transport.post({ type: 'request', id, request });
    });
  }

  dispose() {
    this.transport?.terminate();
    this.transport = null;
    // A new worker starts from nothing: forget what the old one knew until the journal is sent again.
    this.built = null;
    this.heldBuilt = null;
    this.heldFrame = null;
    this.livePositions = null;
    this.frameInFlight = false;
    this.analysisInFlight = false;
    if (this.analyseTimer) clearTimeout(this.analyseTimer);
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    this.heldAnalysis = null;
    for (const r of this.requests.values()) r.reject(new Error('The network view was closed.'));
    this.requests.clear();
  }

  private ensureTransport(): NetworkTransport {
    if (!this.transport) {
      this.transport = this.createTransport();
      this.transport.listen((message) => this.receive(message));
    }
    return this.transport;
  }

  private requestFrame() {
    if (this.frameInFlight || !this.built || !this.transport) return;
    this.frameInFlight = true;
    this.transport.post({ type: 'frame', day: this.state.day });
  }

  private scheduleAnalysis() {
    if (!this.built) return;
    const now = performance.now();
    if (!this.analyseTimer) this.firstUnanalysedChange = now;
    else clearTimeout(this.analyseTimer);
    const overdue =
      this.lastAnalysisMs < CHEAP_ANALYSIS_MS && now - this.firstUnanalysedChange > ANALYSE_MAX_WAIT_MS;
    this.analyseTimer = setTimeout(
      () => {
        this.analyseTimer = null;
        this.requestAnalysis(this.state.day);
      },
      overdue ? 0 : ANALYSE_DELAY_MS,
    );
  }

  private requestAnalysis(day: DayString) {
    if (!this.transport) return;
    if (this.analysisInFlight) {
      this.analysisWanted = day;
      return;
    }
    this.analysisInFlight = true;
    this.analysisWanted = null;
    this.update({ analysing: true });
    this.transport.post({ type: 'analyse', day });
  }

  private receive(message: FromWorker) {
    if (message.type === 'response') return this.settle(message);
    if (message.generation !== this.generation) {
      // Answers about an older journal: only the in-flight bookkeeping matters.
      if (message.type === 'frame') this.frameInFlight = false;
      if (message.type === 'analysis') this.analysisInFlight = false;
      return;
    }
    // While the kept picture shows, the fresh model replaces it only whole: its facts without an
    // analysis would draw an empty map, its frames belong to its own ties.
    if (this.state.staleSince !== null) {
      if (message.type === 'built' && message.staleSince === undefined) {
        this.heldBuilt = message;
        return;
      }
      if (message.type === 'frame' && this.heldBuilt) {
        this.heldFrame = message;
        return;
      }
      if (message.type === 'analysis' && this.heldBuilt) {
        const built = this.heldBuilt;
        const frame = this.heldFrame;
        this.heldBuilt = null;
        this.heldFrame = null;
        this.onBuilt(built);
        if (frame) this.receive(frame);
        return this.onAnalysis(message);
      }
    }
    switch (message.type) {
      case 'stage':
        if (!this.state.progress && this.state.staleSince === null) return;
        // On the page's timeline too: the bench reads when each stage of the first build began.
        performance.mark(STAGE_MARK, { detail: message.stage });
        if (this.state.progress) this.update({ progress: stageProgress(message.stage, 0) });
        return;
      case 'built':
        return this.onBuilt(message);
      case 'layout':
        return this.onLayout(message);
      case 'frame':
        this.frameInFlight = false;
        this.frame = message;
        for (const l of this.frameListeners) l();
        if (message.day !== this.state.day) this.requestFrame();
        return;
      case 'analysis':
        return this.onAnalysis(message);
      case 'read-failed':
        console.warn(
          `The network worker could not read the journal itself (${message.message}); sending it.`,
        );
        this.directReadFailed = true;
        for (const l of this.listeners) l();
        return;
      case 'error':
        this.frameInFlight = false;
        this.analysisInFlight = false;
        return this.update({ status: 'error', error: message.message, analysing: false, progress: null });
    }
  }

  private settle(message: Extract<FromWorker, { type: 'response' }>) {
    const pending = this.requests.get(message.id);
    if (!pending) return;
    this.requests.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(message.error));
  }

  private onBuilt(built: BuiltMessage) {
    const previous = this.built;
    this.built = built;
    this.analysis = null;
    // Keep everyone where they were until the new layout arrives (the worker pins them there too);
    // newcomers (NaN) are drawn once it does.
    const base = this.settled ?? this.livePositions;
    this.settled = previous && base ? remap(previous, base, built) : null;
    this.livePositions = this.settled;
    this.liveProgress = 0;
    const structure: MapStructure = {
      generation: built.generation,
      appears: built.appears,
      tieSource: built.tieSource,
      tieTarget: built.tieTarget,
      tieIsOwner: built.tieIsOwner,
    };
    this.frameInFlight = true; // the worker follows 'built' with a frame and an analysis
    this.analysisInFlight = true;
    this.update({
      ...this.views(),
      status: 'ready',
      error: null,
      empty: built.empty,
      // The kept picture is a picture: no progress bar over it, but it says it is refreshing.
      progress: built.empty || built.staleSince !== undefined ? null : this.state.progress,
      staleSince: built.staleSince ?? null,
      ownerId: built.ownerId,
      learned: built.learned,
      range: built.range,
      journalCommunities: built.communities,
      structure,
      analysing: true,
      layout: { status: 'running' },
    });
  }

  private onLayout(message: Extract<FromWorker, { type: 'layout' }>) {
    this.livePositions = message.positions;
    this.liveProgress = message.progress;
    for (const l of this.frameListeners) l();
    // The first positions with an analysis make the first picture: the build's progress ends there.
    if (this.state.progress && this.analysis) this.update({ progress: null });
    // Positions and progress in between go to the frame store only: re-rendering every view with
    // each step of the layout would block the main thread while the layout runs.
    if (!message.settled) return;
    this.settled = message.positions;
    this.update({ layout: { status: 'settled' } });
    if (message.stale) {
      // On the page's timeline: the bench tells a reopening's kept picture from a fresh one.
      performance.mark(STAGE_MARK, { detail: 'snapshot' });
      return;
    }
    performance.mark('kith:layout-settled', {
      detail: {
        ms: message.ms,
        computeMs: message.computeMs,
        people: this.built?.nodes.length ?? 0,
        ties: this.built?.tieSource.length ?? 0,
      },
    });
  }

  /**
   * A new analysis re-renders the table and the panels (100+ ms on a heavy journal). React renders
   * it in the background, but every step of the slider interrupts that render and it starts over,
   * so while the date moves it would only keep the main thread busy and slow the map's frames:
   * it is shown once the date has rested.
   */
  private onAnalysis(message: AnalysisMessage) {
    this.analysisInFlight = false;
    const restsAt = this.dayMovedAt + ANALYSE_DELAY_MS;
    if (performance.now() < restsAt) {
      this.heldAnalysis = message;
      if (this.holdTimer) clearTimeout(this.holdTimer);
      this.holdTimer = setTimeout(() => {
        this.holdTimer = null;
        const held = this.heldAnalysis;
        this.heldAnalysis = null;
        if (held && held.generation === this.generation) this.onAnalysis(held);
      }, restsAt - performance.now());
      return;
    }
    this.heldAnalysis = null;
    this.analysis = message;
    this.lastAnalysisMs = message.ms;
    this.update({
      progress: this.state.progress && this.livePositions ? null : this.state.progress,
      analysedDay: message.day,
      analysing: this.analysisWanted !== null,
      layers: message.layers,
      fading: message.fading,
      brokers: message.brokers,
      bridges: new Set(message.bridges),
      clusters: message.clusters,
      ...this.views(),
    });
    if (this.analysisWanted !== null) this.requestAnalysis(this.analysisWanted);
    else if (message.day !== this.state.day && !this.analyseTimer) this.scheduleAnalysis();
  }

  private views(): Pick<NetworkState, 'nodes' | 'nodeIndex' | 'personTies'> {
    if (!this.built) return { nodes: [], nodeIndex: new Map(), personTies: 0 };
    const nodes = assembleNodes(this.built, this.analysis);
    const nodeIndex = new Map(nodes.map((n) => [n.id, n.index]));
    if (this.analysis) markBridges(nodes, this.analysis.bridges, nodeIndex);
    return { nodes, nodeIndex, personTies: this.analysis ? countPersonTies(this.built, this.analysis) : 0 };
  }
}

function remap(previous: BuiltMessage, positions: Float32Array, next: BuiltMessage): Float32Array {
  const old = new Map(previous.nodes.map((n, i) => [n.id, i]));
  const out = new Float32Array(next.nodes.length * 2).fill(Number.NaN);
  next.nodes.forEach((n, i) => {
    const j = old.get(n.id);
    if (j === undefined) return;
    out[i * 2] = positions[j * 2] as number;
    out[i * 2 + 1] = positions[j * 2 + 1] as number;
  });
  return out;
}
