/**
 * "2026-12-07 14:03 UTC": the minute is enough to place an edit or a passphrase change, and UTC reads
 * the same on every device. Times come from other devices and from the server, so an impossible one
 * (NaN, beyond year 275760) is said as such instead of throwing inside a message.
 */
export function utcMinute(ms: number): string {
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) return 'an unknown time';
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
