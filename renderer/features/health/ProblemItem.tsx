import { Link } from 'wouter';
import type { HealthProblem } from '../../../shared/db';
import { paths } from '../../app/paths';
import { Button } from '../../ui';

interface Props {
  problem: HealthProblem;
  /** Open the document in its form (encounters) or on its page. */
  onOpen?(): void;
  onDelete(): void;
  onRemoveReference(): void;
}

/** A page to link the document's name to, where it has one. */
function pageOf(problem: HealthProblem): string | null {
  if (problem.collection === 'people') return paths.person(problem.docId);
  if (problem.collection === 'communities') return paths.community(problem.docId);
  return null;
}

const DELETE_LABEL: Record<HealthProblem['collection'], string> = {
  people: 'Delete the person',
  encounters: 'Delete the encounter',
  communities: 'Delete the community',
  ties: 'Delete the tie',
  followups: 'Delete the follow-up',
  settings: 'Delete the setting',
};

/** One problem the check found: which document, what is wrong, and the fixes that apply. */
export function ProblemItem({ problem, onOpen, onDelete, onRemoveReference }: Props) {
  const id = `problem-${problem.kind}-${problem.collection}-${problem.docId}-${
    problem.kind === 'dangling' ? `${problem.field}-${problem.missingId}` : ''
  }`.replace(/[^A-Za-z0-9_-]/g, '_');
  const page = pageOf(problem);
  return (
    <li className="list__item health__item" aria-labelledby={id}>
      <div className="health__body">
        <h4 id={id} className="health__name">
          {page ? <Link href={page}>{problem.label}</Link> : problem.label}
        </h4>
        <p>{problem.reason}</p>
        <p className="muted">
          {problem.kind === 'invalid'
            ? 'Open it to correct it, or delete it (Undo brings it back).'
            : problem.fix === 'delete'
              ? 'It cannot stand without what is missing: delete it (Undo brings it back).'
              : 'Remove the reference to what is missing (Undo puts it back).'}
        </p>
      </div>
      <div className="health__actions">
        {problem.kind === 'invalid' && onOpen && (
          <Button size="sm" onClick={onOpen}>
            Open
          </Button>
        )}
        {problem.kind === 'dangling' && problem.fix === 'remove-reference' ? (
          <Button size="sm" onClick={onRemoveReference}>
            Remove the reference
          </Button>
        ) : (
          <Button size="sm" variant="danger" onClick={onDelete}>
            {problem.kind === 'invalid' ? 'Delete' : DELETE_LABEL[problem.collection]}
          </Button>
        )}
      </div>
    </li>
  );
}
