import type { KithBackup, ParsedBackup, RestoreMode, RestoreResult } from '../../../shared/transfer';
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

/** Before restoring: what of the backup cannot be restored. '' when everything can. */
export function rejectedText(backup: ParsedBackup): string {
  const n = backup.rejected.length;
  if (n === 0) return '';
  return `${count(n, 'document', 'documents')} in it cannot be restored (${backup.rejected[0]?.issues[0]?.message ?? 'damaged'}${n > 1 ? ' …' : ''}); ${n === 1 ? 'it' : 'they'} will be set aside, and the rest restored.`;
}

export function restoreResultText(file: string, mode: RestoreMode, r: RestoreResult): string {
  const parts = [`${r.created.toLocaleString()} added`, `${r.updated.toLocaleString()} updated`];
  if (mode === 'replace') parts.push(`${r.removed.toLocaleString()} removed`);
  parts.push(`${r.unchanged.toLocaleString()} already the same`);
  const kept =
    r.keptFromJournal > 0
      ? `, ${count(r.keptFromJournal, 'document', 'documents')} kept as the journal had ${r.keptFromJournal === 1 ? 'it' : 'them'} (the backup’s version was set aside)`
      : '';
  const head = `Restored ${file} (${mode === 'replace' ? 'replacing the journal' : 'merged'}): ${parts.join(', ')}${kept}`;
  if (r.setAside === 0) return `${head}.`;
  const because =
    r.setAsideForReferences > 0
      ? ` (${r.setAsideForReferences.toLocaleString()} of them because they refer to one that could not be restored)`
      : '';
  const where = r.setAsideError
    ? `, but the list of them could not be saved (${r.setAsideError}); the backup file still holds them`
    : ' — see Settings › Data health';
  return `${head}; ${count(r.setAside, 'document', 'documents')} could not be restored and ${r.setAside === 1 ? 'was' : 'were'} set aside${because}${where}.`;
}
