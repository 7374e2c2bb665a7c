import Papa from 'papaparse';
import { CHANNEL_LABELS, CONTEXT_LABELS } from '../../domain/kinds';
import { encountersNewestFirst, type JournalData } from './journal';

// The importers' papaparse.d.ts types only `parse`; `unparse` is the same package's writer.
const { unparse } = Papa as unknown as {
  unparse(
    data: { fields: string[]; data: (string | number)[][] },
    config: { escapeFormulae: boolean; newline: string },
  ): string;
};

export const ENCOUNTER_CSV_COLUMNS = [
  'Date',
  'Time',
  'Duration (minutes)',
  'Title',
  'Context',
  'Channel',
  'Place',
  'Participants',
  'Initiated by',
  'Rating',
  'Community',
  'Tags',
  'Notes',
] as const;

/**
 * One row per encounter, newest first, people by name ('; ' between them). Papa Parse quotes what
 * needs quoting, and escapeFormulae puts a ' before a cell starting with = + - @ so a spreadsheet
 * shows a note like "=HYPERLINK(…)" instead of running it.
 */
export function exportEncountersCsv(journal: JournalData): string {
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const communities = new Map(journal.communities.map((c) => [c.id, c.name]));
  const name = (id: string) => names.get(id) ?? id;
  const data = encountersNewestFirst(journal.encounters).map((e) => [
    e.date,
    e.time,
    e.durationMinutes,
    e.title,
    CONTEXT_LABELS[e.context],
    CHANNEL_LABELS[e.channel],
    e.place,
    e.participantIds.map(name).join('; '),
    e.initiatorId ? name(e.initiatorId) : '',
    e.rating,
    e.communityId ? (communities.get(e.communityId) ?? '') : '',
    e.tags.join('; '),
    e.notes,
  ]);
  return unparse({ fields: [...ENCOUNTER_CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
}
