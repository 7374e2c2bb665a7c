import { createFollowUp, deleteFollowUp, updateFollowUp, type Change } from '../../../shared/db';
import type { Encounter } from '../../../shared/domain/entities';
import { useDb, useFollowUps } from '../../db';
import { useReportErrors } from '../../ui';
import { useUndo } from '../undo';
import { AddFollowUpForm } from './AddFollowUpForm';
import { FollowUpChecklist } from './FollowUpChecklist';

/** What to do after this encounter: send the deck, introduce Ana to Ben… */
export function FollowUpList({ encounter }: { encounter: Encounter }) {
  const db = useDb();
  const { record } = useUndo();
  const report = useReportErrors();
  const followUps = (useFollowUps() ?? []).filter((f) => f.encounterId === encounter.id);

  const run = (label: string, action: () => Promise<Change>) =>
    report(async () => record({ ...(await action()), label }));

  return (
    <section className="followups" aria-labelledby="followups-title">
      <h3 id="followups-title" className="followups__title">
        Follow-ups
      </h3>
      <FollowUpChecklist
        look="compact"
        followUps={followUps}
        deleteLabel={(f) => `Delete follow-up: ${f.text}`}
        onToggle={(f, done) =>
          run(
            done ? `Done: “${f.text}”` : `Reopened “${f.text}”`,
            async () => (await updateFollowUp(db, f.id, { done })).change,
          )
        }
        onDelete={(f) => run(`Deleted follow-up “${f.text}”`, () => deleteFollowUp(db, f.id))}
      />
      <AddFollowUpForm
        look="compact"
        label="Add a follow-up"
        placeholder="e.g. Send Ana the article"
        onAdd={async (text, due) => {
          const { change } = await createFollowUp(db, {
            text,
            due,
            encounterId: encounter.id,
            personId: encounter.participantIds.length === 1 ? (encounter.participantIds[0] ?? '') : '',
          });
          record({ ...change, label: `Added follow-up “${text.trim()}”` });
        }}
      />
    </section>
  );
}
