import type { FollowUp } from '../../../shared/domain/entities';
import { IconButton, TrashIcon } from '../../ui';
import { formatDayShort } from './format';

/**
 * Where a follow-up list sits: `compact` inside the encounter dialog, `card` as a section of a page.
 * The two differ only in the classes that fit their surroundings.
 */
export type FollowUpLook = 'compact' | 'card';

const CLASSES = {
  compact: {
    list: 'followups__list',
    item: 'followups__item',
    doneItem: 'followups__item is-done',
    check: 'followups__check',
    doneText: undefined,
    due: 'badge',
  },
  card: {
    list: 'list card',
    item: 'list__item row',
    doneItem: 'list__item row',
    check: 'checkbox',
    doneText: 'muted',
    due: 'muted',
  },
} as const;

interface Props {
  followUps: readonly FollowUp[];
  look: FollowUpLook;
  /** The list's accessible name, where the section heading alone does not say whose they are. */
  label?: string;
  deleteLabel(followUp: FollowUp): string;
  onToggle(followUp: FollowUp, done: boolean): void;
  onDelete(followUp: FollowUp): void;
}

/** Follow-ups as checkboxes with their due day and a delete button; nothing at all when there are none. */
export function FollowUpChecklist({ followUps, look, label, deleteLabel, onToggle, onDelete }: Props) {
  const classes = CLASSES[look];
  if (followUps.length === 0) return null;
  return (
    <ul className={classes.list} aria-label={label}>
      {followUps.map((f) => (
        <li key={f.id} className={f.done ? classes.doneItem : classes.item}>
          <label className={classes.check}>
            <input type="checkbox" checked={f.done} onChange={(e) => onToggle(f, e.target.checked)} />
            <span className={f.done ? classes.doneText : undefined}>{f.text}</span>
          </label>
          {f.due && <span className={classes.due}>due {formatDayShort(f.due)}</span>}
          <IconButton label={deleteLabel(f)} icon={<TrashIcon />} onClick={() => onDelete(f)} />
        </li>
      ))}
    </ul>
  );
}
