import { useCallback } from 'react';
import { useToast } from './toastContext';

/**
 * Wraps a one-click action (archive, delete a tie…) so a failure is shown as an error toast
 * instead of vanishing as an unhandled rejection. `failed` names what failed, in the person's words,
 * before the reason ("The link could not be opened: …"), where the error alone would not say it.
 */
export function useReportErrors(): (action: () => Promise<unknown>, failed?: string) => void {
  const toast = useToast();
  return useCallback(
    (action, failed) => {
      action().catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        toast.show({ tone: 'error', message: failed ? `${failed}: ${reason}` : reason });
      });
    },
    [toast],
  );
}
