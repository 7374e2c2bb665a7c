import { format, parseISO } from 'date-fns';
import type { Encounter, Person } from '../../../shared/domain/entities';
import { CHANNEL_LABELS, CONTEXT_LABELS } from '../../../shared/domain/kinds';

/** "Thursday 26 November 2026". */
export function formatDayLong(day: string): string {
  return format(parseISO(day), 'EEEE d MMMM yyyy');
}

/** "26 Nov 2026". */
export function formatDayShort(day: string): string {
  return format(parseISO(day), 'd MMM yyyy');
}

/** "1 h 30 min", "45 min"; '' when unknown. */
export function formatDuration(minutes: number): string {
  if (!minutes) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "1h 30m", for narrow columns. */
export function formatDurationShort(minutes: number): string {
  if (!minutes) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ');
}

/** Names of the people met, in the order recorded; unknown ids (a stale reference) are skipped. */
export function participantNames(encounter: Encounter, peopleById: Map<string, Person>): string[] {
  return encounter.participantIds.flatMap((id) => {
    const person = peopleById.get(id);
    return person ? [person.name] : [];
  });
}

/** "Ana Lopez", "Ana Lopez and Ben Ode", "Ana Lopez and 3 others". */
export function namesSummary(names: readonly string[]): string {
  if (names.length === 0) return 'nobody';
  if (names.length === 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} and ${names.length - 1} others`;
}

/** What to call an encounter in a heading: its title, else its context and who was there. */
export function encounterHeading(encounter: Encounter, peopleById: Map<string, Person>): string {
  if (encounter.title) return encounter.title;
  return `${CONTEXT_LABELS[encounter.context]} with ${namesSummary(participantNames(encounter, peopleById))}`;
}

export const contextLabel = (e: Encounter) => CONTEXT_LABELS[e.context];
export const channelLabel = (e: Encounter) => CHANNEL_LABELS[e.channel];

export const RATING_LABELS = [
  'Not rated',
  'Distant',
  'Acquainted',
  'Friendly',
  'Close',
  'Very close',
] as const;
