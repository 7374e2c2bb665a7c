import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { Link, useLocation } from 'wouter';
import { Button, errorText, logViewError } from '../ui';
import { paths } from './paths';

/**
 * One page failing (a stored value it cannot show) must not blank the app: the sidebar, the sync
 * status, Import & export and Settings sit outside this boundary and keep working, so the journal can
 * still be exported, checked under Settings › Data health, and repaired by sync. Going to another
 * page tries again by itself.
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <ErrorBoundary
      resetKeys={[location]}
      onError={(error) => logViewError(`the page ${location}`, error)}
      fallbackRender={(props) => <PageFailed {...props} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function PageFailed({ error, resetErrorBoundary }: FallbackProps) {
  return (
    <div className="page page-failed">
      <section className="card view-failed" role="alert" aria-labelledby="page-failed-heading">
        <h1 id="page-failed-heading" className="page__title">
          This page could not be shown
        </h1>
        <p>
          Something stored in your journal is not as this version of Kith expects, so this page stopped before
          it could show it. Nothing was changed or lost, and the rest of Kith still works.
        </p>
        <ul>
          <li>
            <Link href={paths.settings}>Settings › Data health</Link> checks the journal and lists what is
            wrong, with a way to fix it.
          </li>
          <li>
            <Link href={paths.transfer}>Import &amp; export</Link> still saves a backup of everything.
          </li>
        </ul>
        <p className="view-failed__detail">{errorText(error)}</p>
        <div className="form-actions">
          <Button onClick={resetErrorBoundary}>Try again</Button>
          <Link href={paths.journal} className="btn btn--primary" onClick={resetErrorBoundary}>
            Go to the Journal
          </Link>
        </div>
      </section>
    </div>
  );
}
