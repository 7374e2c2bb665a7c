import type { Community, DayString, Encounter, Person, Tie } from '../../../../shared/domain/entities';
import type {
  Broker,
  DunbarLayer,
  FadingTie,
  IntroductionPath,
  LearnedStrength,
  NetworkChanges,
  StrengthSettings,
} from '../../../../shared/network';
import type {
  ClusterView,
  JournalCommunityView,
  CompositionSeries,
  PersonExplanation,
  SeriesOptions,
  StrengthSeries,
} from './types';
import type { JournalCollection, JournalSource } from './journalSource';

/**
 * The messages between the main thread and the network worker. Every message from the worker
 * carries the generation of the journal it was computed from, so answers about an older journal
 * are dropped.
 */

/** The journal, sent in pieces so that no single postMessage blocks the main thread for long. */
export interface JournalChunk {
  people?: Person[];
  encounters?: Encounter[];
  ties?: Tie[];
  communities?: Community[];
}

export type WorkerRequest =
  | { kind: 'path'; personId: string; day: DayString }
  | { kind: 'explain'; personId: string; day: DayString }
  | { kind: 'series'; personId: string; options: SeriesOptions }
  | { kind: 'composition'; options: SeriesOptions }
  /** What changed from `from` to `to`, both included (see shared/network/changes.ts). */
  | { kind: 'changes'; from: DayString; to: DayString };

export interface WorkerResults {
  path: IntroductionPath | null;
  explain: PersonExplanation;
  series: StrengthSeries;
  composition: CompositionSeries;
  changes: NetworkChanges;
}

export type ToWorker =
  | { type: 'journal-begin'; generation: number }
  | { type: 'journal-chunk'; generation: number; chunk: JournalChunk }
  /** `settings`: the user's strength settings (the defaults when absent). */
  | { type: 'journal-end'; generation: number; today: DayString; day: DayString; settings?: StrengthSettings }
  /**
   * Sent after 'journal-begin': the worker reads these collections of the journal itself, straight
   * from storage (see journalSource.ts), while the page sends any others in chunks; 'journal-end'
   * then waits for the read. Answered with 'read-failed' when the worker cannot read them.
   */
  | { type: 'journal-read'; generation: number; source: JournalSource; collections: JournalCollection[] }
  /** Strengths for drawing: answered with 'frame'. */
  | { type: 'frame'; day: DayString }
  /** Communities, layers, fading… at a date: answered with 'analysis'. */
  | { type: 'analyse'; day: DayString }
  | { type: 'request'; id: number; request: WorkerRequest };

/** Static facts per node, in node order (the owner first): what the map knows before any date. */
export interface NodeFacts {
  id: string;
  name: string;
  isOwner: boolean;
  archived: boolean;
  wantToReach: boolean;
  tags: string[];
  /** Journal communities over the whole journal: explicit membership plus the communities of their encounters. */
  communityIds: string[];
  /** Contexts of their encounters (with the owner), most frequent first. */
  contexts: Encounter['context'][];
  /** Encounters with them in the whole journal. */
  encounterCount: number;
  /** First and last encounter in the whole journal ('' if never met). */
  firstMet: DayString | '';
  lastMet: DayString | '';
  /** The day they appear on the map: first met, or added to the journal if never met. */
  appears: DayString;
}

export interface BuiltMessage {
  type: 'built';
  generation: number;
  ownerId: string;
  empty: boolean;
  range: { first: DayString; last: DayString } | null;
  nodes: NodeFacts[];
  appears: Float64Array;
  tieSource: Uint32Array;
  tieTarget: Uint32Array;
  tieIsOwner: Uint8Array;
  /** The journal communities with someone on the map, largest first. */
  communities: JournalCommunityView[];
  /** What the owner's ratings taught (null: learning off or too few rated people). */
  learned: LearnedStrength | null;
  ms: number;
  /** Set on the last map kept from an earlier build (see snapshot.ts): when it was taken. */
  staleSince?: number;
}

export interface AnalysisMessage {
  type: 'analysis';
  generation: number;
  day: DayString;
  /** Per node index. */
  strength: Float32Array;
  /** Cluster per node (index into `clusters`), -1 for none. */
  clusterIndex: Int32Array;
  /**
   * Each node's journal communities on this day, theirs first, as indexes into the built message's
   * `communities`: node i's are membership[membershipStart[i] .. membershipStart[i + 1]).
   */
  membershipStart: Uint32Array;
  membership: Uint32Array;
  layer: Int32Array;
  lastContact: string[];
  clusters: ClusterView[];
  /** Tie indexes (into the time index) at least minEdgeStrength strong, and their strengths. */
  tieIndexes: Uint32Array;
  tieStrengths: Float32Array;
  layers: DunbarLayer[];
  fading: FadingTie[];
  brokers: Broker[];
  bridges: string[];
  ms: number;
}

/** The worker's stages while it builds the model, in order (the page names them while it waits). */
export type WorkerStage = 'strengths' | 'communities' | 'layout';

export type FromWorker =
  | BuiltMessage
  /** The worker starts a stage of the build (the page shows it as progress). */
  | { type: 'stage'; generation: number; stage: WorkerStage }
  | {
      type: 'layout';
      generation: number;
      positions: Float32Array;
      progress: number;
      settled: boolean;
      /** Wall time since the layout started, frames and requests answered in between included. */
      ms: number;
      /** Time spent in the layout's own ticks. */
      computeMs: number;
      /** The places of the last map kept (see snapshot.ts), not of a layout run now. */
      stale?: boolean;
    }
  | {
      type: 'frame';
      generation: number;
      day: DayString;
      nodeStrength: Float32Array;
      tieStrength: Float32Array;
    }
  | AnalysisMessage
  | { type: 'response'; generation: number; id: number; ok: true; result: unknown }
  | { type: 'response'; generation: number; id: number; ok: false; error: string }
  | { type: 'error'; generation: number; message: string }
  /** The worker could not read the journal from storage itself (the page sends it instead). */
  | { type: 'read-failed'; generation: number; message: string };

/** postMessage with the buffers to transfer (typed arrays move to the receiver instead of being copied). */
export type Post = (message: FromWorker, transfer: Transferable[]) => void;
