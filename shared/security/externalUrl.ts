/**
 * The one allow-list for links Kith hands to the operating system (the desktop shell's
 * shell.openExternal and the browser fallback's window.open both go through it).
 *
 * Only https: and mailto: pass. Anything else can start a local program or leak credentials when
 * the OS opens it: file: and UNC paths run or mount things, smb: sends the user's NTLM hash,
 * javascript:/data: run code, custom schemes launch other apps, and http: travels in clear text.
 * Any https host is allowed (https://good.com.evil.com included): the user chose the link, and
 * Kith cannot judge hosts; what it can guarantee is the scheme the OS dispatches on.
 */

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Longer links are not real links, and some OS handlers truncate them silently. */
export const MAX_EXTERNAL_URL_LENGTH = 4096;

const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
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
  // The normalised form is what was checked, so it is what gets opened.
  return { ok: true, url: url.href };
}

export function isAllowedExternalUrl(raw: string): boolean {
  return checkExternalUrl(raw).ok;
}

function preview(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
}
