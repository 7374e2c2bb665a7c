/**
 * Bytes of an imported file → text. Exports from phones, Outlook and old Windows tools arrive as UTF-8, UTF-16
 * (little or big endian) or Latin-1/windows-1252, with or without a byte order mark; guessing wrong turns every
 * accented name into mojibake, so the choice is made here once for every importer.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the file started with a byte order mark (which is not part of `text`). */
  bom: boolean;
}

/** The part of the WHATWG TextDecoder we use; shared/ compiles without DOM or node types, so it is declared here. */
interface MinimalTextDecoder {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label?: string, options?: { fatal?: boolean }) => MinimalTextDecoder;

function textDecoder(label: string, fatal = false): MinimalTextDecoder {
  const Decoder = (globalThis as unknown as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  if (!Decoder) throw new Error('TextDecoder is not available in this runtime');
  return new Decoder(label, { fatal });
}

/** How much of the file the UTF-16 guess looks at: a few kilobytes are plenty and keep huge files cheap. */
const SNIFF_BYTES = 4096;

function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), SNIFF_BYTES);
  if (n < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // Mostly-ASCII text in UTF-16 has a zero in every other byte; real UTF-8 or Latin-1 text has almost none.
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * What windows-1252 puts at 0x80–0x9F. Some runtimes (Node 20's TextDecoder among them) decode the label as plain
 * ISO-8859-1 and hand back C1 control characters there, which the importers would then strip: "—" would vanish.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return textDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Decodes an imported file. A BOM decides; without one, UTF-16 is recognised by its zero bytes, then strict UTF-8 is
 * tried, and anything that is not valid UTF-8 is read as windows-1252 (the superset of Latin-1 that Windows tools
 * actually write). Never throws on content: every byte sequence decodes to some text.
 */
export function decodeText(input: Uint8Array | ArrayBuffer): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: textDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: textDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: textDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { text: textDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  try {
    return { text: textDecoder('utf-8', true).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
}

/**
 * Decodes bytes named by a charset label inside a file (vCard 2.1's CHARSET=…). Unknown labels fall back to UTF-8,
 * then windows-1252, as for whole files.
 */
export function decodeWithCharset(bytes: Uint8Array, charset: string): string {
  const label = charset.trim().toLowerCase();
  if (['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(label)) {
    return decodeWindows1252(bytes);
  }
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return textDecoder(label).decode(bytes);
    } catch {
      // An unknown label (RangeError): fall through to the content-based guess.
    }
  }
  try {
    return textDecoder('utf-8', true).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Text that arrived already decoded may still carry a BOM (U+FEFF) at its start; importers strip it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
