import type { KithDatabase } from '../../../shared/db';
import { todayString } from '../../../shared/domain/days';
import type { StrengthSettings } from '../../../shared/network';
import {
  EXPORT_FILES,
  exportEncountersCsv,
  exportMarkdownJournal,
  exportNetworkGexf,
  exportNetworkGraphml,
  exportVCards,
  readJournal,
  type ExportKind,
} from '../../../shared/transfer';
import type { SaveFileOptions } from '../../platform';
import { journalBackupJson } from './backupJson';

const TITLES: Record<ExportKind, string> = {
  backup: 'Export a backup',
  vcard: 'Export people as vCard',
  'encounters-csv': 'Export encounters as CSV',
  markdown: 'Export the journal as Markdown',
  gexf: 'Export the network as GEXF',
  graphml: 'Export the network as GraphML',
};

export type { ExportKind };

/** The file for one export, ready for the save dialog or a download. */
export async function exportFile(
  db: KithDatabase,
  kind: ExportKind,
  options: { day: string; settings: StrengthSettings | undefined },
): Promise<SaveFileOptions> {
  const content = await exportContent(db, kind, options);
  const file = EXPORT_FILES[kind];
  // The network is named by the day it shows; everything else by the day it was exported.
  const day = kind === 'gexf' || kind === 'graphml' ? options.day : todayString();
  return {
    title: TITLES[kind],
    suggestedName: file.fileName(day),
    filters: [{ name: file.label, extensions: file.extensions }],
    mimeType: file.mimeType,
    content,
  };
}

async function exportContent(
  db: KithDatabase,
  kind: ExportKind,
  { day, settings }: { day: string; settings: StrengthSettings | undefined },
): Promise<string> {
  if (kind === 'backup') return journalBackupJson(db);
  const journal = await readJournal(db);
  switch (kind) {
    case 'vcard':
      return exportVCards(journal.people);
    case 'encounters-csv':
      return exportEncountersCsv(journal);
    case 'markdown':
      return exportMarkdownJournal(journal);
    case 'gexf':
      return exportNetworkGexf(journal, day, settings);
    case 'graphml':
      return exportNetworkGraphml(journal, day, settings);
  }
}
