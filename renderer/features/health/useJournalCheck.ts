import { useCallback, useEffect, useRef, useState } from 'react';
import { checkJournal, type HealthProblem } from '../../../shared/db';
import { useDb } from '../../db';
import { yieldToBrowser } from '../../ui/yieldToBrowser';

export type CheckState =
  | { status: 'idle' }
  | { status: 'running'; checked: number; total: number }
  | { status: 'done'; checked: number; problems: HealthProblem[] }
  | { status: 'failed'; error: string };

/**
 * Runs "Check the journal": a page of documents at a time, handing the main thread back to the browser
 * after each (a journal of 5,000 people and 40,000 encounters is tens of thousands of documents), with
 * progress; stops if the section is left. `settle` takes a repaired problem off the list.
 */
export function useJournalCheck(): {
  state: CheckState;
  run(): void;
  settle(done: (problem: HealthProblem) => boolean): void;
} {
  const db = useDb();
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(() => {
    setState({ status: 'running', checked: 0, total: 0 });
    checkJournal(db, {
      pause: yieldToBrowser,
      stopped: () => !mounted.current,
      onProgress: ({ checked, total }) => setState({ status: 'running', checked, total }),
    }).then(
      (report) => {
        if (report && mounted.current)
          setState({ status: 'done', checked: report.checked, problems: report.problems });
      },
      (error: unknown) => {
        console.error('Checking the journal failed:', error);
        if (mounted.current)
          setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [db]);

  const settle = useCallback((done: (problem: HealthProblem) => boolean) => {
    setState((s) => (s.status === 'done' ? { ...s, problems: s.problems.filter((p) => !done(p)) } : s));
  }, []);

  return { state, run, settle };
}
