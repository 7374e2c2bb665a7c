/**
 * Birthdays as exports write them → '' | 'YYYY-MM-DD' | '--MM-DD'. Apple marks "no year" with year 1604 (and
 * X-APPLE-OMIT-YEAR), Google writes '--04-12', vCard 4.0 '--0412', some tools '19850412', a date-time or '31.12.1980'.
 * Anything else comes back unchanged, and person.ts reports it.
 */
export function normaliseBirthday(value: string, omitYear = false): string {
  const v = value.trim();
  if (v === '') return '';
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (noYear) return `--${noYear[1]}-${noYear[2]}`;
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (full) {
    if (omitYear || full[1] === '1604') return `--${full[2]}-${full[3]}`;
    return `${full[1]}-${full[2]}-${full[3]}`;
  }
  // 31.12.1980: day first, as German and other European exports write it (dots are never month-first).
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (dotted)
    return `${dotted[3]}-${(dotted[2] ?? '').padStart(2, '0')}-${(dotted[1] ?? '').padStart(2, '0')}`;
  return v;
}
