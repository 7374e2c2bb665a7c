export function cadenceLabel(days: number): string {
  if (days <= 0) return 'No cadence';
  const named: Record<number, string> = {
    7: 'every week',
    14: 'every two weeks',
    30: 'every month',
    91: 'every quarter',
    365: 'every year',
  };
  return `Keep in touch ${named[days] ?? `every ${days} days`}`;
}
