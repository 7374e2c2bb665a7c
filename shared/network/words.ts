/** Durations and shares in the words the person pages use. */

export function spanInWords(days: number): string {
  const d = Math.round(days);
  if (d < 1) return 'today';
  if (d === 1) return '1 day';
  if (d < 14) return `${d} days`;
  if (d < 60) return `${Math.round(d / 7)} weeks`;
  if (d < 730) return `${Math.round(d / 30.44)} months`;
  const years = d / 365.25;
  return `${years < 10 ? Math.round(years * 10) / 10 : Math.round(years)} years`;
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function times(x: number): string {
  return x < 10 ? `${Math.round(x * 10) / 10} times` : `${Math.round(x)} times`;
}

const plurals = new Intl.PluralRules('en');

/** "1 rating", "214 ratings": the count with the word in the form English wants for it. */
export function counted(n: number, one: string, other: string): string {
  return `${n.toLocaleString('en')} ${plurals.select(n) === 'one' ? one : other}`;
}

/** How many times a quantity halved, in words: "about halved", "halved twice", "halved 4 times". */
export function halvings(n: number): string {
  const k = Math.round(n);
  if (k <= 1) return n < 0.75 ? `down to ${percent(2 ** -n)}` : 'halved';
  return k === 2 ? 'halved twice' : `halved ${k} times`;
}
