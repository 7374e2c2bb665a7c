/**
 * Test support (never imported by the app): drives the worker core in-process with a small journal
 * and collects what it posts.
 */
import type { Community, Encounter, Person, Tie } from '../../../../shared/domain/entities';
import type { FromWorker } from './protocol';
import { createNetworkWorkerCore, type WorkerStorage } from './workerCore';

export interface SmallJournal {
  people: Person[];
  encounters: Encounter[];
  ties?: Tie[];
  communities?: Community[];
}

export function driveCore(options: { storage?: WorkerStorage } = {}) {
  const messages: FromWorker[] = [];
  let waiters: (() => void)[] = [];
  const core = createNetworkWorkerCore({
    post: (message) => {
      messages.push(message);
      const current = waiters;
      waiters = [];
      current.forEach((w) => w());
    },
    schedule: (run) => setTimeout(run, 0),
    storage: options.storage,
  });
  let generation = 0;

  /** Resolves with the first message (after `from`) that `match` accepts. */
  async function next<T extends FromWorker>(match: (m: FromWorker) => m is T, from = 0): Promise<T> {
    for (;;) {
      const found = messages.slice(from).find(match);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  return {
    messages,
    next,
    send: core.handle,
    /** Sends a journal and resolves once its layout has settled. */
    async load(journal: SmallJournal, today: string, day = today) {
      generation += 1;
      const from = messages.length;
      core.handle({ type: 'journal-begin', generation });
      core.handle({
        type: 'journal-chunk',
        generation,
        chunk: {
          people: journal.people,
          encounters: journal.encounters,
          ties: journal.ties ?? [],
          communities: journal.communities ?? [],
        },
      });
      core.handle({ type: 'journal-end', generation, today, day });
      const g = generation;
      const built = await next(
        (m): m is Extract<FromWorker, { type: 'built' }> => m.type === 'built' && m.generation === g,
        from,
      );
      const layout = await next(
        (m): m is Extract<FromWorker, { type: 'layout' }> =>
          m.type === 'layout' && m.settled && m.generation === g,
        from,
      );
      return { built, layout, from };
    },
  };
}

export const isFrame = (m: FromWorker): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame';
export const isAnalysis = (m: FromWorker): m is Extract<FromWorker, { type: 'analysis' }> =>
  m.type === 'analysis';
export const isResponse = (m: FromWorker): m is Extract<FromWorker, { type: 'response' }> =>
  m.type === 'response';

export const isBuilt = (m: FromWorker): m is Extract<FromWorker, { type: 'built' }> => m.type === 'built';
export const isLayout = (m: FromWorker): m is Extract<FromWorker, { type: 'layout' }> => m.type === 'layout';
