import type { KithBackup, RestoreMode, RestoreResult } from '../../../shared/transfer';
import { count } from '../../ui';
import { formatBackupTime } from './format';

/** "a backup of 26 Nov 2026, 20:46 (Kith 0.1.0) with 12 people, 40 encounters, 3 communities." */
export function backupContents(backup: KithBackup): string {
  const c = backup.collections;
  const parts = [
    count(c.people.length, 'person', 'people'),
    count(c.encounters.length, 'encounter', 'encounters'),
    count(c.communities.length, 'community', 'communities'),
    count(c.ties.length, 'tie', 'ties'),
    count(c.followups.length, 'follow-up', 'follow-ups'),
  ];
  return `a backup of ${formatBackupTime(backup.exportedAt)} (${backup.app}) with ${parts.join(', ')}.`;
}

export function restoreResultText(file: string, mode: RestoreMode, r: RestoreResult): string {
  const parts = [`${r.created.toLocaleString()} added`, `${r.updated.toLocaleString()} updated`];
  if (mode === 'replace') parts.push(`${r.removed.toLocaleString()} removed`);
  parts.push(`${r.unchanged.toLocaleString()} already the same`);
  return `Restored ${file} (${mode === 'replace' ? 'replacing the journal' : 'merged'}): ${parts.join(', ')}.`;
}
