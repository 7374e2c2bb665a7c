import type { ImportResult } from '../../../../shared/transfer';
import { count } from '../../../ui';

/** "Imported contacts.vcf: 3 people added, 1 updated, 2 encounters; 1 document set aside — see …" */
export function resultText(
  file: string,
  result: Pick<ImportResult, 'created' | 'updated' | 'encounters'> &
    Partial<Pick<ImportResult, 'setAside' | 'setAsideError'>>,
): string {
  const parts = [
    result.created > 0 && `${count(result.created, 'person', 'people')} added`,
    result.updated > 0 && `${result.updated.toLocaleString()} updated`,
    result.encounters > 0 && count(result.encounters, 'encounter', 'encounters'),
  ].filter(Boolean);
  const head =
    parts.length > 0
      ? `Imported ${file}: ${parts.join(', ')}`
      : `Nothing new in ${file}: everyone was already there`;
  const setAside = result.setAside ?? 0;
  if (setAside === 0) return `${head}.`;
  const where = result.setAsideError
    ? `, but the list of them could not be saved (${result.setAsideError}); the file still holds them`
    : ' — see Settings › Data health';
  return `${head}; ${count(setAside, 'record', 'records')} the journal’s rules refuse ${setAside === 1 ? 'was' : 'were'} set aside${where}.`;
}
