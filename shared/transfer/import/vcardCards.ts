import { decodeWithCharset } from '../decode';

/**
 * Splits a .vcf into cards (so one broken card costs that card, not the file, and every problem can name its line)
 * and rewrites the vCard 2.1 habits ical.js does not read — Outlook's quoted-printable values with "=" soft line
 * breaks and CHARSET, bare parameters like TEL;WORK;VOICE, ENCODING=BASE64 — into their vCard 3.0 spelling.
 */

export interface CardText {
  /** 1-based position of the card in the file. */
  record: number;
  /** 1-based line of its BEGIN:VCARD. */
  line: number;
  text: string;
  /** False when the file ended, or another card began, before END:VCARD. */
  complete: boolean;
}

export interface SplitCards {
  cards: CardText[];
  /** Lines of text outside any card (blank lines are not counted). */
  strayLines: number[];
}

const BEGIN = /^begin:vcard\s*$/i;
const END = /^end:vcard\s*$/i;

/** Index of the first ':' outside double quotes, or -1. */
function valueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return i;
  }
  return -1;
}

function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 59 && !quoted) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}

function isQuotedPrintable(line: string): boolean {
  const colon = valueColon(line);
  return colon > 0 && /quoted-printable/i.test(line.slice(0, colon));
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 61 /* = */) {
      const hex = value.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      }
      // A lone "=" is a soft line break's remnant (or junk): dropped, as RFC 2045 says decoders may.
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Already-decoded text inside a QP value (a file that was re-saved): keep the character, as UTF-8.
      const point = value.codePointAt(i) ?? c;
      if (point > 0xffff) i++;
      pushUtf8(bytes, point);
    }
  }
  return decodeWithCharset(Uint8Array.from(bytes), charset || 'utf-8');
}

function pushUtf8(out: number[], c: number): void {
  if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
}

/** One unfolded content line → the same line as vCard 3.0 spells it (most lines come back untouched). */
export function normaliseLine(line: string): string {
  const colon = valueColon(line);
  if (colon < 0) return line;
  const head = line.slice(0, colon);
  if (/^version$/i.test(head) && line.slice(colon + 1).trim() === '2.1') return 'VERSION:3.0';
  if (!head.includes(';')) return line;
  const [name = '', ...params] = splitParams(head);
  let quotedPrintable = false;
  let charset = '';
  const kept: string[] = [];
  for (const param of params) {
    const eq = param.indexOf('=');
    const key = (eq < 0 ? '' : param.slice(0, eq)).trim().toUpperCase();
    const val = eq < 0 ? param.trim() : param.slice(eq + 1).trim();
    const upper = val.toUpperCase();
    if (upper === 'QUOTED-PRINTABLE' && (key === '' || key === 'ENCODING')) quotedPrintable = true;
    else if ((upper === 'BASE64' || upper === 'B') && (key === '' || key === 'ENCODING'))
      kept.push('ENCODING=b');
    else if (key === 'CHARSET') charset = val;
    else if (key === '' && val !== '') kept.push(`TYPE=${val}`);
    else if (key !== '') kept.push(param);
  }
  let value = line.slice(colon + 1);
  // Decoded line breaks must be escaped again, or they would end the content line.
  if (quotedPrintable) value = decodeQuotedPrintable(value, charset).replace(/\r\n|\r|\n/g, '\\n');
  return `${[name, ...kept].join(';')}:${value}`;
}

/** Linear in the size of the file: lines are collected in arrays and joined once per card. */
export function splitCards(text: string): SplitCards {
  const lines = text.split(/\r\n|\r|\n/);
  const cards: CardText[] = [];
  const strayLines: number[] = [];
  let logical: string[][] | null = null;
  let startLine = 0;
  let pendingSoftBreak = false;

  const finish = (complete: boolean) => {
    if (!logical) return;
    const body = logical.map((parts) => normaliseLine(parts.join('')));
    cards.push({
      record: cards.length + 1,
      line: startLine,
      text: `BEGIN:VCARD\r\n${body.join('\r\n')}\r\nEND:VCARD`,
      complete,
    });
    logical = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (BEGIN.test(raw)) {
      finish(false);
      logical = [];
      startLine = i + 1;
      pendingSoftBreak = false;
      continue;
    }
    if (!logical) {
      if (raw.trim() !== '') strayLines.push(i + 1);
      continue;
    }
    if (END.test(raw)) {
      finish(true);
      continue;
    }
    const last = logical[logical.length - 1];
    if (pendingSoftBreak && last) {
      // Quoted-printable soft line break: the "=" goes, the next line continues the value as is.
      const tail = last[last.length - 1] ?? '';
      last[last.length - 1] = tail.slice(0, -1);
      last.push(raw);
    } else if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) {
      last.push(raw.slice(1));
    } else if (raw.trim() !== '') {
      logical.push([raw]);
    }
    const current = logical[logical.length - 1];
    pendingSoftBreak = current !== undefined && raw.endsWith('=') && isQuotedPrintable(current[0] ?? '');
  }
  finish(false);
  return { cards, strayLines };
}
