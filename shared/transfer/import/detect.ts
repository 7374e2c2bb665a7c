import type { ImportFormat } from '../candidates';
import { stripBom } from '../decode';
import { isGoogleHeader, isLinkedInHeader } from './csv';
import { readCsv } from './csvTable';

/** Only the start of a file is looked at: enough for any header, cheap for 50,000 contacts. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Which importer fits a file: by content first (BEGIN:VCARD, BEGIN:VCALENDAR, a LinkedIn or Google header), then
 * by extension. null when nothing fits; the UI then asks.
 */
export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const head = stripBom(text.slice(0, SNIFF_CHARS));
  const firstLine =
    head
      .trimStart()
      .split(/\r\n|\r|\n/, 1)[0]
      ?.trim()
      .toUpperCase() ?? '';
  if (firstLine === 'BEGIN:VCARD') return 'vcard';
  if (firstLine === 'BEGIN:VCALENDAR') return 'ics';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  if (ext === 'ics' || ext === 'ical' || ext === 'ifb') return 'ics';
  // Cut at the last complete line so a row split by the sniff window is not misread.
  const cutAt = head.length < text.length ? head.lastIndexOf('\n') : head.length;
  const rows = readCsv(cutAt > 0 ? head.slice(0, cutAt) : head, { limit: 20 }).rows;
  if (rows.some((r) => isLinkedInHeader(r.cells))) return 'linkedin-csv';
  if (rows.some((r) => isGoogleHeader(r.cells))) return 'google-csv';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (rows.length > 1 && (rows[0]?.cells.length ?? 0) > 1) return 'csv';
  return null;
}
