import type { ImportResult } from '../../../../shared/transfer';
import { count } from '../../../ui';

/** "Imported contacts.vcf: 3 people added, 1 updated, 2 encounters." */
export function resultText(
  file: string,
  result: Pick<ImportResult, 'created' | 'updated' | 'encounters'>,
): string {
  const parts = [
    result.created > 0 && `${count(result.created, 'person', 'people')} added`,
    result.updated > 0 && `${result.updated.toLocaleString()} updated`,
    result.encounters > 0 && count(result.encounters, 'encounter', 'encounters'),
  ].filter(Boolean);
  return parts.length > 0
    ? `Imported ${file}: ${parts.join(', ')}.`
    : `Nothing new in ${file}: everyone was already there.`;
}
