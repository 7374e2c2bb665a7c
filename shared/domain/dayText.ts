import { isRealDay } from './days';

/** Longest raw text shown in a placeholder: a damaged value may be anything up to the schema's limit. */
const MAX_SHOWN = 40;

/**
 * What to show for a stored day that names no real day ("not-a-date", "2026-02-30"): the raw text,
 * said to be unknown, so the person sees what is stored and can correct it. Never throws, whatever
 * arrived (sync and backups can bring any value the schema lets through, or worse).
 */
export function unknownDayText(value: unknown): string {
  const raw = typeof value === 'string' ? value : String(value);
  const shown = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
  return shown.trim() === '' ? 'unknown date' : `unknown date (${shown})`;
}

/** A stored day, or its placeholder; `format` runs only on real days (formatters throw on others). */
export function formatStoredDay(value: unknown, format: (day: string) => string): string {
  return typeof value === 'string' && isRealDay(value) ? format(value) : unknownDayText(value);
}

/** The same placeholder starting a sentence or a heading. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
