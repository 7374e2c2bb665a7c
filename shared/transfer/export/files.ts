export type ExportKind = 'backup' | 'vcard' | 'encounters-csv' | 'markdown' | 'gexf' | 'graphml';

export interface ExportFile {
  /** Suggested file name; `day` is the export date, or the network's date for gexf/graphml. */
  fileName: (day: string) => string;
  mimeType: string;
  /** What a save dialog's filter shows. */
  label: string;
  extensions: string[];
}

/** File names and types for save dialogs (desktop) and downloads (browser). */
export const EXPORT_FILES: Record<ExportKind, ExportFile> = {
  backup: {
    fileName: (day) => `kith-backup-${day}.json`,
    mimeType: 'application/json',
    label: 'Kith backup',
    extensions: ['json'],
  },
  vcard: {
    fileName: (day) => `kith-people-${day}.vcf`,
    mimeType: 'text/vcard',
    label: 'vCard',
    extensions: ['vcf'],
  },
  'encounters-csv': {
    fileName: (day) => `kith-encounters-${day}.csv`,
    mimeType: 'text/csv',
    label: 'CSV',
    extensions: ['csv'],
  },
  markdown: {
    fileName: (day) => `kith-journal-${day}.md`,
    mimeType: 'text/markdown',
    label: 'Markdown',
    extensions: ['md'],
  },
  gexf: {
    fileName: (day) => `kith-network-${day}.gexf`,
    mimeType: 'application/gexf+xml',
    label: 'GEXF (Gephi)',
    extensions: ['gexf'],
  },
  graphml: {
    fileName: (day) => `kith-network-${day}.graphml`,
    mimeType: 'application/graphml+xml',
    label: 'GraphML',
    extensions: ['graphml'],
  },
};
