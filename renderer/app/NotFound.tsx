import { Link } from 'wouter';
import { EmptyState } from '../ui';

export function NotFound() {
  return (
    <div className="page">
      <EmptyState
        title="Nothing here"
        actions={
          <Link href="/" className="btn btn--primary">
            Back to the journal
          </Link>
        }
      >
        <p>This page does not exist. It may have been a link to something that was deleted.</p>
      </EmptyState>
    </div>
  );
}
