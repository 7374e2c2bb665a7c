import { changeSummary, dayInWords, dayNumber, type NetworkChanges } from '../../../../shared/network';
import { MARK_COLOURS } from './changeMarks';

/** A name in a Markdown table cell: pipes and line breaks would end the cell. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

const day = (d: string) => (d ? dayInWords(dayNumber(d)) : '—');
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The review as Markdown: the sentence, then every list in full. */
export function reviewMarkdown(changes: NetworkChanges, label: string): string {
  const lines: string[] = [`# ${label} in your network`, '', changeSummary(changes, label), ''];
  const table = (title: string, head: string[], rows: string[][]) => {
    lines.push(`## ${title} (${rows.length})`, '');
    if (rows.length === 0) {
      lines.push('None.', '');
      return;
    }
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => ' --- |').join('')}`);
    for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
    lines.push('');
  };
  table(
    'People met for the first time',
    ['Person', 'First met', 'Where'],
    changes.met.map((p) => [p.name, day(p.day), p.community || '—']),
  );
  table(
    'Ties that faded',
    ['Person', 'Last contact', 'Past its rhythm on', 'Strength then', 'Strength now'],
    changes.faded.map((t) => [
      t.name,
      day(t.lastContact),
      day(t.fadedOn),
      percent(t.before),
      percent(t.after),
    ]),
  );
  table(
    'Ties that grew stronger',
    ['Person', 'Strength then', 'Strength now'],
    changes.grew.map((t) => [t.name, percent(t.before), percent(t.after)]),
  );
  table(
    'Communities joined or left',
    ['Community', 'Change', 'Day', 'People met there'],
    [
      ...changes.joined.map((c) => [c.name, 'Joined', `first encounter ${day(c.day)}`, String(c.people)]),
      ...changes.left.map((c) => [c.name, 'Left', `last encounter ${day(c.day)}`, String(c.people)]),
    ],
  );
  lines.push(`_From ${day(changes.from)} to ${day(changes.to)}, as recorded in Kith._`, '');
  return lines.join('\n');
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines of at most `width` characters (the image has no text layout of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** New people per month of the span (for a year: January to December). */
export function metByMonth(changes: NetworkChanges): { month: string; people: number }[] {
  const months: { key: string; month: string; people: number }[] = [];
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
  for (let d = new Date(`${changes.from.slice(0, 7)}-01T00:00:00Z`); d.toISOString() <= changes.to;) {
    months.push({ key: d.toISOString().slice(0, 7), month: monthName.format(d), people: 0 });
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  const byKey = new Map(months.map((m) => [m.key, m]));
  for (const p of changes.met) {
    const m = byKey.get(p.day.slice(0, 7));
    if (m) m.people++;
  }
  return months.map(({ month, people }) => ({ month, people }));
}

const WIDTH = 960;
const FONT = 'system-ui, -apple-system, Segoe UI, sans-serif';
const LISTED = 8;

/**
 * The review as an image (SVG, drawn from the same numbers as the dialog): the sentence, the counts,
 * new people month by month, and the first names of each list. Presentation attributes only, so the
 * file looks the same wherever it is opened.
 */
export function reviewSvg(changes: NetworkChanges, label: string): string {
  const parts: string[] = [];
  const text = (x: number, y: number, content: string, size: number, extra = '') =>
    parts.push(
      `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" fill="#1f2328"${extra}>${escapeXml(content)}</text>`,
    );
  let y = 56;
  text(40, y, `${label} in your network`, 30, ' font-weight="700"');
  y += 40;
  for (const line of wrap(changeSummary(changes, label), 92)) {
    text(40, y, line, 16, ' fill-opacity="0.85"');
    y += 24;
  }
  y += 16;
  const tiles: [string, number, string][] = [
    ['new people', changes.met.length, MARK_COLOURS.met],
    ['ties faded', changes.faded.length, MARK_COLOURS.faded],
    ['ties grew stronger', changes.grew.length, MARK_COLOURS.grew],
    ['communities joined', changes.joined.length, '#76b7b2'],
    ['communities left', changes.left.length, '#9aa0a6'],
  ];
  const tileWidth = (WIDTH - 80 - 4 * 16) / tiles.length;
  tiles.forEach(([name, n, colour], i) => {
    const x = 40 + i * (tileWidth + 16);
    parts.push(
      `<rect x="${x}" y="${y}" width="${tileWidth}" height="84" rx="10" fill="${colour}" fill-opacity="0.14"/>`,
    );
    parts.push(`<rect x="${x}" y="${y}" width="6" height="84" rx="3" fill="${colour}"/>`);
    text(x + 20, y + 46, n.toLocaleString('en-GB'), 30, ' font-weight="700"');
    text(x + 20, y + 70, name, 14);
  });
  y += 124;

  const months = metByMonth(changes);
  if (months.length > 1 && months.length <= 24) {
    text(40, y, 'New people, month by month', 18, ' font-weight="600"');
    y += 30;
    const most = Math.max(1, ...months.map((m) => m.people));
    const chartHeight = 120;
    const step = (WIDTH - 80) / months.length;
    months.forEach((m, i) => {
      const h = Math.round((m.people / most) * chartHeight);
      const x = 40 + i * step;
      parts.push(
        `<rect x="${x + 4}" y="${y + chartHeight - h}" width="${step - 8}" height="${h}" rx="3" fill="${MARK_COLOURS.met}"/>`,
      );
      if (m.people > 0)
        text(x + step / 2, y + chartHeight - h - 6, String(m.people), 12, ' text-anchor="middle"');
      text(x + step / 2, y + chartHeight + 18, m.month, 12, ' text-anchor="middle" fill-opacity="0.7"');
    });
    y += chartHeight + 48;
  }

  const columns: [string, string[]][] = [
    // The closest new people first, as the sentence names them.
    ['Met', [...changes.met].sort((a, b) => b.strength - a.strength).map((p) => p.name)],
    ['Faded', changes.faded.map((t) => t.name)],
    ['Grew stronger', changes.grew.map((t) => t.name)],
  ];
  const columnWidth = (WIDTH - 80) / columns.length;
  let bottom = y;
  columns.forEach(([title, names], i) => {
    const x = 40 + i * columnWidth;
    let row = y;
    text(x, row, `${title} (${names.length.toLocaleString('en-GB')})`, 18, ' font-weight="600"');
    row += 26;
    for (const name of names.slice(0, LISTED)) {
      text(x, row, name.length > 34 ? `${name.slice(0, 33)}…` : name, 14);
      row += 21;
    }
    if (names.length > LISTED) {
      text(x, row, `and ${(names.length - LISTED).toLocaleString('en-GB')} more`, 14, ' fill-opacity="0.6"');
      row += 21;
    }
    bottom = Math.max(bottom, row);
  });
  const height = bottom + 32;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<title>${escapeXml(`${label} in your network`)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
