import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { errorText, logViewError } from '../ui';

/**
 * The last resort, outside everything: pages, sections and rows have their own boundaries, so this
 * only shows if the app's frame itself fails. It never leaves a blank window.
 */
export function AppBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary onError={(error) => logViewError('the app', error)} FallbackComponent={AppFailed}>
      {children}
    </ErrorBoundary>
  );
}

function AppFailed({ error, resetErrorBoundary }: FallbackProps) {
  return (
    <div className="db-screen">
      <div className="db-screen__card" role="alert">
        <h1>Kith stopped unexpectedly</h1>
        <p>
          Your journal is stored on this device and nothing was changed. Try again; if this keeps happening,
          reload Kith.
        </p>
        <pre className="db-screen__detail">{errorText(error)}</pre>
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            Reload Kith
          </button>
          <button type="button" className="btn btn--primary" onClick={resetErrorBoundary}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}
