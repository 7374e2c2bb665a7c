/**
 * The one allow-list for links Kith hands to the operating system (the desktop shell's
 * shell.openExternal and the browser fallback's window.open both go through it).
 *
 * Only https: and mailto: pass. Anything else can start a local program or leak credentials when
 * the OS opens it: file: and UNC paths run or mount things, smb: sends the user's NTLM hash,
 * javascript:/data: run code, custom schemes launch other apps, and http: travels in clear text.
 * Any https host is allowed (https://good.com.evil.com included): the user chose the link, and
 * Kith cannot judge hosts; what it can guarantee is the scheme the OS dispatches on.
 *
 * What is opened must also be what the person saw: the URL parser silently drops tabs and line
 * breaks ("https://exa\nmple.org" opens example.org), so any whitespace or invisible control
 * character refuses the link. A mailto: link may carry addresses, a subject and a body only: mail
 * apps honour "attach" (Thunderbird attaches a local file) and "cc"/"bcc"/"to" add recipients the
 * person never sees in the link text.
 */

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Longer links are not real links, and some OS handlers truncate them silently. */
export const MAX_EXTERNAL_URL_LENGTH = 4096;

const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

/** The only mailto: fields a mail app fills in without adding recipients or files. */
const MAILTO_FIELDS = new Set(['subject', 'body']);

/** Whitespace and the characters nobody sees (C0/C1 controls, bidi overrides, zero-width marks). */
const UNSEEN = /[\s\p{Cc}\p{Cf}\p{Z}]/u;

/**
 * One address as a mail app reads it. Beyond whitespace, the excluded characters are those some
 * mail app treats as the start of a query (? & #), a second recipient (, ;) or a further decoding
 * step (%), and the quoting and bracket forms no stored email needs.
 */
const ONE_ADDRESS = /^[^\s\p{Cc}\p{Cf}@?&#%,;<>"\\]+@[^\s\p{Cc}\p{Cf}@?&#%,;<>"\\]+$/u;

interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
}

// The WHATWG URL class exists in every runtime Kith runs in (Electron main, browsers, Node), but
// shared/ compiles without DOM or node types, so it is reached through globalThis with the few
// fields used here.
const UrlClass = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

export function checkExternalUrl(raw: string): ExternalUrlCheck {
  if (typeof raw !== 'string') return { ok: false, reason: 'the link is not text' };
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) {
    return { ok: false, reason: `the link is longer than ${MAX_EXTERNAL_URL_LENGTH} characters` };
  }
  const unseen = UNSEEN.exec(raw);
  if (unseen) {
    return {
      ok: false,
      reason: `the link contains ${describeUnseen(unseen[0])} at character ${unseen.index + 1}`,
    };
  }
  let url: ParsedUrl;
  try {
    url = new UrlClass(raw);
  } catch {
    return {
      ok: false,
      reason: `"${preview(raw)}" is not a complete link (for example https://example.org)`,
    };
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return { ok: false, reason: `Kith opens only https: and mailto: links, not ${url.protocol}` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'the link carries a user name or password' };
  }
  if (url.protocol === 'https:' && url.hostname === '') {
    return { ok: false, reason: 'the link has no host' };
  }
  if (url.protocol === 'mailto:') {
    const problem = mailtoProblem(url);
    if (problem) return { ok: false, reason: problem };
  }
  // The normalised form is what was checked, so it is what gets opened.
  return { ok: true, url: url.href };
}

export function isAllowedExternalUrl(raw: string): boolean {
  return checkExternalUrl(raw).ok;
}

/**
 * The mailto: link for an email stored on a person, or null when it is not one plain address.
 * Stored emails come from a loose form check, imports and other devices, so "a@b.org?attach=…"
 * must stay text rather than become a link that attaches a file.
 */
export function mailtoLink(address: string): string | null {
  if (!ONE_ADDRESS.test(address)) return null;
  const check = checkExternalUrl(`mailto:${address}`);
  return check.ok ? check.url : null;
}

function mailtoProblem(url: ParsedUrl): string | null {
  if (url.hash !== '') return 'the mail link may not carry a # part';
  let addresses: string;
  try {
    addresses = decodeURIComponent(url.pathname);
  } catch {
    return `the mail link's address "${preview(url.pathname)}" is not valid percent-encoding`;
  }
  if (addresses === '') return 'the mail link names no address';
  for (const address of addresses.split(',')) {
    if (!ONE_ADDRESS.test(address)) return `"${preview(address)}" is not one email address`;
  }
  const query = url.search.slice(1);
  for (const field of query === '' ? [] : query.split('&')) {
    const equals = field.indexOf('=');
    const rawName = equals === -1 ? field : field.slice(0, equals);
    let name: string;
    try {
      name = decodeURIComponent(rawName).toLowerCase();
    } catch {
      name = rawName;
    }
    if (!MAILTO_FIELDS.has(name)) {
      return `the mail link may not carry "${preview(name)}" (only a subject and a body)`;
    }
    if (equals === -1) return `the mail link may not carry "${name}" without a value`;
  }
  return null;
}

function describeUnseen(char: string): string {
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === '\t') return 'a tab';
  if (char === ' ') return 'a space';
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /\s|\p{Z}/u.test(char) ? `a space (${code})` : `an invisible control character (${code})`;
}

function preview(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
}
