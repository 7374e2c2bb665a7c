/**
 * Imported text is kept as text (the renderer sanitises Markdown itself), but control characters, bidi overrides
 * (which can make a name display as something else) and unpaired surrogates are removed, and absurd lengths are cut
 * to the journal's limits so the commit's validation never refuses the whole import for one field.
 */

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, stray BOMs and the two non-characters.
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of text: every kind of line break and tab becomes a space, runs of spaces collapse. */
export function cleanLine(value: string): string {
  return value
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATE, '')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
}

/** Multi-line text (notes): line breaks normalised to \n and kept, tabs kept. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATE, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return value.slice(0, end).trimEnd();
}

/** Parser messages quote the input, which may be hostile or huge: one cleaned, short line of it. */
export function parserMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return cut(cleanLine(message.split('\n')[0] ?? ''), 200);
}
