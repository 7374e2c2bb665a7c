import type { ImportSummary } from '../../../../shared/transfer';
import { count } from '../../../ui';

/** "Adds 3 people, updates 1, merges 2 rows into others, skips 1. Adds 5 encounters." */
export function summaryText(s: ImportSummary): string {
  const people = [
    `adds ${count(s.create, 'person', 'people')}`,
    s.update > 0 && `updates ${s.update.toLocaleString()}`,
    s.unchanged > 0 && `leaves ${s.unchanged.toLocaleString()} unchanged (nothing new)`,
    s.merge > 0 && `merges ${count(s.merge, 'row', 'rows')} into others`,
    s.skip > 0 && `skips ${s.skip.toLocaleString()}`,
  ].filter(Boolean);
  const sentences = [`This import ${people.join(', ')}.`];
  if (s.encounters > 0 || s.encountersSkipped > 0) {
    sentences.push(
      `It adds ${count(s.encounters, 'encounter', 'encounters')}${
        s.encountersSkipped > 0 ? ` and skips ${s.encountersSkipped.toLocaleString()}` : ''
      }.`,
    );
  }
  if (s.problems > 0) sentences.push(`${count(s.problems, 'problem', 'problems')} listed below.`);
  return sentences.join(' ');
}
