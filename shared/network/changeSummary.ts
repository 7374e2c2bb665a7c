import type { NetworkChanges } from './changes';
import { counted } from './words';

/** People named in a sentence before the rest are only counted. */
export const NAMED_IN_SUMMARY = 3;

// British English, as the rest of the app writes ("Ann, Bob and Carol", no serial comma).
const LOCALE = 'en-GB';
const plural = new Intl.PluralRules(LOCALE);
const numbers = new Intl.NumberFormat(LOCALE);
const and = new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' });

/** "Ann, Bob and Carol", or "Ann, Bob, Carol and 9 others" past `named` names. */
export function namesList(names: readonly string[], named = NAMED_IN_SUMMARY): string {
  if (names.length <= named) return and.format(names);
  const rest = names.length - named;
  return and.format([...names.slice(0, named), counted(rest, 'other', 'others')]);
}

/** ", among them Ann, Bob and Carol" for a long list, " (Ann and Bob)" for a short one. */
function naming(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length <= NAMED_IN_SUMMARY) return ` (${and.format(names)})`;
  return `, among them ${and.format(names.slice(0, NAMED_IN_SUMMARY))}`;
}

/** New people to name: those the owner became closest to by the span's end. */
function closestFirst(met: NetworkChanges['met']): string[] {
  return [...met].sort((a, b) => b.strength - a.strength || a.name.localeCompare(b.name)).map((p) => p.name);
}

/**
 * The span's story in one sentence: "2025: you met 48 new people, mostly at Riverside Runners; 12
 * ties faded, among them Ann, Bob and Carol; 3 grew stronger (…); you joined Riverside Runners and
 * left St Mary's parish." Counts through Intl (plural rules, number and list formats).
 */
export function changeSummary(changes: NetworkChanges, label: string): string {
  const parts: string[] = [];
  const { met, faded, grew, joined, left } = changes;
  if (met.length > 0) {
    const where = changes.mostlyAt ? `, mostly at ${changes.mostlyAt.name}` : '';
    parts.push(
      `you met ${counted(met.length, 'new person', 'new people')}${naming(closestFirst(met))}${where}`,
    );
  } else {
    parts.push('you met nobody new');
  }
  if (faded.length > 0) {
    const verb = plural.select(faded.length) === 'one' ? 'tie faded' : 'ties faded';
    parts.push(`${numbers.format(faded.length)} ${verb}${naming(faded.map((t) => t.name))}`);
  }
  if (grew.length > 0) {
    const verb = plural.select(grew.length) === 'one' ? 'tie grew stronger' : 'ties grew stronger';
    parts.push(`${numbers.format(grew.length)} ${verb}${naming(grew.map((t) => t.name))}`);
  }
  if (faded.length === 0 && grew.length === 0) parts.push('no tie faded or grew');
  const moves: string[] = [];
  if (joined.length > 0) moves.push(`joined ${namesList(joined.map((c) => c.name))}`);
  if (left.length > 0) moves.push(`left ${namesList(left.map((c) => c.name))}`);
  if (moves.length > 0) parts.push(`you ${and.format(moves)}`);
  return `${label}: ${parts.join('; ')}.`;
}
