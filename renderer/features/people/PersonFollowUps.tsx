import { createFollowUp, deleteFollowUp, updateFollowUp } from '../../../shared/db';
import type { Person } from '../../../shared/domain/entities';
import { useDb } from '../../db';
import { PageSection, useReportErrors } from '../../ui';
import { AddFollowUpForm, FollowUpChecklist } from '../encounters';
import { useUndo } from '../undo';
import { usePersonFollowUps } from './usePersonRecords';

/** Things to do about this person: open ones first, by due day. */
export function PersonFollowUps({ person }: { person: Person }) {
  const db = useDb();
  const theirs = usePersonFollowUps(person.id) ?? [];
  const { record } = useUndo();
  const run = useReportErrors();
  if (person.isOwner) return null;

  return (
    <PageSection id="person-follow-ups" className="person-section" title="Follow-ups">
      <FollowUpChecklist
        look="card"
        followUps={theirs}
        label={`Follow-ups for ${person.name}`}
        deleteLabel={(f) => `Delete follow-up “${f.text}”`}
        onToggle={(f, done) =>
          run(async () => record((await updateFollowUp(db, f.id, { done })).change, { toast: false }))
        }
        onDelete={(f) => run(async () => record(await deleteFollowUp(db, f.id)))}
      />
      <AddFollowUpForm
        look="card"
        label={`Add a follow-up for ${person.name}`}
        placeholder={`e.g. Send ${person.name} the article`}
        onAdd={async (text, due) => {
          const { change } = await createFollowUp(db, { text, due, personId: person.id });
          record(change, { toast: false });
        }}
      />
    </PageSection>
  );
}
