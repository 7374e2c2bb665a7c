import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { Button } from './Button';

/** The technical reason, for the "Details" line and the console. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Logs a view that failed to the console (Kith has no telemetry): what could not be shown, and the
 * error with its stack, so a person or a developer can read it in the developer tools.
 */
export function logViewError(what: string, error: unknown): void {
  console.error(`Kith could not show ${what}:`, error);
}

interface Props {
  /** What failed, in the person's words, as it reads after "could not show": "this encounter". */
  what: string;
  /** 'section': a card in a page; 'row': one line in a list, so a bad row leaves its list standing. */
  size?: 'section' | 'row';
  /**
   * The boundary wraps the list item itself (its child renders the <li>): the row's fallback is then
   * an <li> too, so the list keeps only list items and assistive tech still counts every row.
   */
  listItem?: boolean;
  /** Values that, when they change, try again by themselves (the document shown, the date…). */
  resetKeys?: unknown[];
  children: ReactNode;
}

/**
 * Keeps one view of stored data from taking the rest of the app down with it: if it throws while
 * rendering (a stored value this version cannot show), it is replaced by a message in words with
 * "Try again", and everything around it keeps working.
 */
export function ViewBoundary({ what, size = 'section', listItem = false, resetKeys, children }: Props) {
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      onError={(error) => logViewError(what, error)}
      fallbackRender={(props) => <ViewFailed {...props} what={what} size={size} listItem={listItem} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function ViewFailed({
  error,
  resetErrorBoundary,
  what,
  size,
  listItem,
}: FallbackProps & { what: string; size: 'section' | 'row'; listItem: boolean }) {
  const detail = errorText(error);
  if (size === 'row') {
    const Row = listItem ? 'li' : 'div';
    return (
      <Row
        className={listItem ? 'list__item view-failed view-failed--row' : 'view-failed view-failed--row'}
        title={detail}
      >
        <span>Kith could not show {what}. Settings › Data health can check it.</span>
        <Button size="sm" variant="ghost" onClick={resetErrorBoundary}>
          Try again
        </Button>
      </Row>
    );
  }
  return (
    <div className="view-failed card" role="alert">
      <p className="view-failed__title">Kith could not show {what}.</p>
      <p className="muted">
        Something stored in your journal is not as this version of Kith expects. Nothing was changed. Settings
        › Data health can check the journal and list what is wrong.
      </p>
      <p className="view-failed__detail">{detail}</p>
      <div>
        <Button size="sm" onClick={resetErrorBoundary}>
          Try again
        </Button>
      </div>
    </div>
  );
}
