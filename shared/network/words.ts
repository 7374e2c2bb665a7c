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
