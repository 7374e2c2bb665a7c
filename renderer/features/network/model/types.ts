import type { DayString } from '../../../../shared/domain/entities';
import type { ContextKind } from '../../../../shared/domain/kinds';
import type { NodeFacts } from './protocol';
import type {
  Broker,
  DunbarLayer,
  FadingTie,
  IntroductionPath,
  LearnedStrength,
  Rhythm,
  StrengthExplanation,
} from '../../../../shared/network';

/**
 * What the network model offers the map and the other network views. Everything here is computed
 * in the network worker (the only place the time index lives) and arrives as plain data.
 */

export type NetworkStatus = 'idle' | 'building' | 'ready' | 'error';

/** The stages of building the model, in order: what the page names while the person waits. */
export type BuildStage = 'reading' | 'strengths' | 'communities' | 'layout';

/** How far the first build of a journal has come (null once the map has its first picture). */
export interface BuildProgress {
  stage: BuildStage;
  /** The whole build's progress so far, 0..1 (stages weighted by their usual share of the time). */
  done: number;
}

/** One person on the map; the owner is always nodes[0]. */
export interface NodeView extends NodeFacts {
  index: number;
  /** contexts[0], or 'other' for someone never met. */
  mainContext: ContextKind;
  // ---- The values below describe `analysedDay`. ----
  /** On the map at analysedDay (appears <= analysedDay). */
  visible: boolean;
  /** Strength of the owner's tie with them, 0..1 (the owner: 1). */
  strength: number;
  /** Their last encounter on or before analysedDay ('' if none yet). */
  lastContact: DayString | '';
  /**
   * The journal communities they belong to at analysedDay (indexes into `journalCommunities`),
   * theirs first: met there most often, then an explicit membership (see membershipsAt). Empty for
   * someone who belongs to none, and for the owner.
   */
  communities: number[];
  /** The Louvain cluster they fall in at analysedDay (index into `clusters`), -1 for none. */
  clusterIndex: number;
  /** Dunbar layer at analysedDay (index into `layers`), -1 when outside every layer. */
  layer: number;
  /** Holds two parts of the network together (see brokersOf / bridgesOf). */
  bridge: boolean;
}

/**
 * A journal community with someone on the map: what a person's colour on the map says. Largest
 * first over the whole journal, so `index` doubles as a colour slot that never moves with the date.
 */
export interface JournalCommunityView {
  index: number;
  id: string;
  name: string;
  /** People on the map who belong to it, over the whole journal. */
  members: number;
}

/**
 * A cluster Louvain found at analysedDay, largest first: people who meet each other, a grouping of
 * the map, not a community anyone joined. Its name says so (see clusterNames).
 */
export interface ClusterView {
  index: number;
  size: number;
  /** "Riverside Runners + Food Bank" when the members share them, else "Ana Ruiz, Ben Okafor & 12 others". */
  label: string;
  /** The journal communities the label names (empty when it names people). */
  communityIds: string[];
  /**
   * Colour slot (0..) kept stable across dates, for a view that draws clusters: a cluster takes the
   * slot of the whole-journal cluster it overlaps most, so scrubbing the date does not repaint it.
   */
  colour: number;
}

/** The strengths on one date, for drawing: cheap to compute (a few ms), posted while scrubbing. */
export interface NetworkFrame {
  generation: number;
  day: DayString;
  /** Strength to the owner per node index (the owner: 1; 0 before met). */
  nodeStrength: Float32Array;
  /** Strength per map tie (aligned with MapStructure.tieSource / tieTarget). */
  tieStrength: Float32Array;
}

/** The static shape of the map (changes only when the journal changes). */
export interface MapStructure {
  generation: number;
  /** Day number (days since 1970-01-01) each node appears; the owner: -Infinity. */
  appears: Float64Array;
  /** For every tie of the time index: node indexes of its ends. */
  tieSource: Uint32Array;
  tieTarget: Uint32Array;
  /** 1 for the owner's ties. */
  tieIsOwner: Uint8Array;
}

/**
 * Whether the layout is running. Its positions and progress live in the frame store
 * (frames.positions(), frames.progress()), which the map reads without re-rendering the page.
 */
export interface LayoutState {
  status: 'idle' | 'running' | 'settled';
}

/** "Why is this tie strong?" plus the facts around it. */
export interface PersonExplanation extends StrengthExplanation {
  name: string;
  firstContact: DayString | '';
  lastContact: DayString | '';
  rhythm: Rhythm | null;
  cadenceDays: number;
}

export interface StrengthSeries {
  personId: string;
  /** Evenly spaced sample days, first to last. */
  points: { day: DayString; strength: number }[];
  /** Days with an encounter with them (for markers). */
  contactDays: DayString[];
}

export interface CompositionSeries {
  days: DayString[];
  /** The context kinds present, in the order of `counts` / `strength` rows. */
  kinds: ContextKind[];
  /** counts[k][d]: people whose main context is kinds[k], with a tie at least minEdgeStrength on days[d]. */
  counts: number[][];
  /** strength[k][d]: the sum of their strengths. */
  strength: number[][];
}

/** What the map highlights on behalf of any view ("How can I reach X?", search). */
export interface MapHighlight {
  /** A person to centre on and ring. */
  focus: string | null;
  /** An introduction chain to draw over the map, owner first. */
  path: string[] | null;
}

export interface SeriesOptions {
  from?: DayString;
  to?: DayString;
  /** Number of sample days (default 120, at most 2,000). */
  points?: number;
}

export interface NetworkModel {
  status: NetworkStatus;
  error: string | null;
  /** The journal has no encounters yet: nothing to map. */
  empty: boolean;
  /**
   * While the first picture of a journal is being built: the stage and the share done. Null when
   * there is a picture (a rebuild after an edit keeps the old picture, so it shows no progress).
   */
  progress: BuildProgress | null;
  /**
   * Set while the map shows the last picture kept from an earlier opening (the model is being built
   * afresh from the journal and will replace it in place): when that picture was taken, ms since
   * the epoch. Null when what is shown is current.
   */
  staleSince: number | null;
  ownerId: string | null;
  today: DayString;
  /**
   * What Kith learned from the owner's ratings, fitted in the worker with the time index: null before
   * the first build, when learning is off, or with too few rated people.
   */
  learned: LearnedStrength | null;
  /** First encounter to today (or the last encounter, when later). Null before the first build. */
  range: { first: DayString; last: DayString } | null;
  /** The chosen date (follows the slider at once). */
  day: DayString;
  setDay(day: DayString): void;
  /** The date that nodes, ties, clusters, layers, fading and brokers describe (lags `day` while scrubbing). */
  analysedDay: DayString | null;
  analysing: boolean;
  nodes: NodeView[];
  nodeIndex: ReadonlyMap<string, number>;
  /**
   * Ties between people (not with the owner) on the map at analysedDay, at least minEdgeStrength
   * strong. A count: the map draws ties from the frame store, and 50,000 tie objects rebuilt with
   * every analysis only kept the main thread busy.
   */
  personTies: number;
  /** The journal communities with someone on the map (a person's colour, community column, hover card). */
  journalCommunities: JournalCommunityView[];
  /** The clusters at analysedDay (the cluster column and the legend's list of clusters). */
  clusters: ClusterView[];
  layers: DunbarLayer[];
  fading: FadingTie[];
  /** Lowest constraint (most brokerage) first. */
  brokers: Broker[];
  bridges: ReadonlySet<string>;
  layout: LayoutState;
  structure: MapStructure | null;
  /** The latest frame; subscribe to redraw a canvas without re-rendering React. */
  frames: FrameStore;
  highlight: MapHighlight;
  setHighlight(highlight: Partial<MapHighlight>): void;
  /** Strongest introduction chain to a person (at `day`, default the chosen date); null when unreachable. */
  requestPath(personId: string, day?: DayString): Promise<IntroductionPath | null>;
  explain(personId: string, day?: DayString): Promise<PersonExplanation>;
  strengthSeries(personId: string, options?: SeriesOptions): Promise<StrengthSeries>;
  composition(options?: SeriesOptions): Promise<CompositionSeries>;
}

/** What canvases draw from, outside React: listeners hear of every new frame and layout step. */
export interface FrameStore {
  get(): NetworkFrame | null;
  /**
   * Node positions x0, y0, x1, y1… by node index (world units, the owner at 0,0), also while the
   * layout runs; the previous layout's (NaN for newcomers) until a new one arrives.
   */
  positions(): Float32Array | null;
  /** The running layout's progress, 0..1. */
  progress(): number;
  subscribe(listener: () => void): () => void;
}
