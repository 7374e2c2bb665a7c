import { useEffect } from 'react';
import { useDb } from '../../db';
import { automaticBackups } from '../../platform';
import { useToast } from '../../ui';
import { journalBackupJson } from './backupJson';
import { errorMessage } from './errorMessage';

/** Leaves the first seconds after start to the journal itself; a backup can wait that long. */
export const FIRST_CHECK_DELAY_MS = 30_000;
/** The main process says when a backup is due (daily); asking hourly catches a computer left on. */
export const CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Daily backups on the desktop, with nothing on screen: the renderer holds the journal, so it builds
 * the backup text when the main process says one is due, and main writes it into the backup folder.
 * A failure is shown once per session (and kept on the Settings page); later checks retry quietly.
 */
export function AutomaticBackups({
  firstCheckDelayMs = FIRST_CHECK_DELAY_MS,
  intervalMs = CHECK_INTERVAL_MS,
}: {
  firstCheckDelayMs?: number;
  intervalMs?: number;
}) {
  const db = useDb();
  const toast = useToast();

  useEffect(() => {
    const backups = automaticBackups();
    if (!backups) return;
    let stopped = false;
    let running = false;
    let warned = false;
    const check = async () => {
      if (running || stopped) return;
      running = true;
      try {
        if (!(await backups.load()).due) return;
        await backups.write({ content: await journalBackupJson(db), automatic: true });
      } catch (error) {
        if (!warned && !stopped) {
          warned = true;
          const reason = errorMessage(error);
          toast.show({
            tone: 'error',
            message: `The automatic backup failed: ${reason}. See Settings › Backups.`,
          });
        }
      } finally {
        running = false;
      }
    };
    const first = setTimeout(() => void check(), firstCheckDelayMs);
    const every = setInterval(() => void check(), intervalMs);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    };
  }, [db, toast, firstCheckDelayMs, intervalMs]);

  return null;
}
