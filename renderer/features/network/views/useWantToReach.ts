import { useCallback } from 'react';
import { updatePerson } from '../../../../shared/db';
import { useDb } from '../../../db';
import { useReportErrors } from '../../../ui';
import { useUndo } from '../../undo';

/** Marks or unmarks someone as a person the owner wants to reach (six degrees), undoably. */
export function useWantToReach(): (person: { id: string; name: string }, want: boolean) => void {
  const db = useDb();
  const { record } = useUndo();
  const run = useReportErrors();
  return useCallback(
    (person, want) =>
      run(async () => {
        const { change } = await updatePerson(db, person.id, { wantToReach: want });
        record({
          ...change,
          label: want ? `You want to reach ${person.name}` : `${person.name} is no longer someone to reach`,
        });
      }),
    [db, record, run],
  );
}
