import { useCallback } from 'react';
import { useToast } from './toastContext';

/**
 * Wraps a one-click action (archive, delete a tie…) so a failure is shown as an error toast
 * instead of vanishing as an unhandled rejection.
 */
export function useReportErrors(): (action: () => Promise<unknown>) => void {
  const toast = useToast();
  return useCallback(
    (action) => {
      action().catch((error: unknown) =>
        toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    },
    [toast],
  );
}
