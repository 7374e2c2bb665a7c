/**
 * Where sync requests may go. The desktop's main process and the browser build both send the
 * CouchDB protocol's requests to one database URL built from the user's settings, and refuse any
 * request path that would leave it: another origin, another database, or the server's own
 * endpoints (_users, _config, _session ...). The credentials travel only to that database.
 */
import type { SyncSettings, SyncSettingsInput } from '../ipc';

/** Longer server addresses are not real ones. */
export const MAX_SERVER_URL_LENGTH = 2048;
export const MAX_SYNC_PATH_LENGTH = 8192;

/** CouchDB's rule for database names (lowercase, starting with a letter). */
export const DATABASE_NAME_PATTERN = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly href: string;
}

// shared/ compiles without DOM or node types; every runtime Kith runs in has the WHATWG URL class.
const UrlClass = (globalThis as unknown as { URL: new (input: string, base?: string) => ParsedUrl }).URL;

function parse(raw: string, base?: string): ParsedUrl | null {
  try {
    return new UrlClass(raw, base);
  } catch {
    return null;
  }
}

/** The server address as the user may type it: http(s), a host, no credentials, query or fragment. */
export function checkServerUrl(raw: string): UrlCheck {
  if (raw.length > MAX_SERVER_URL_LENGTH) {
    return { ok: false, reason: `the address is longer than ${MAX_SERVER_URL_LENGTH} characters` };
  }
  const url = parse(raw.trim());
  if (!url) {
    // "127.0.0.1:5984" or "couch.example.org": a host without its scheme.
    return parse(`http://${raw.trim()}`)
      ? { ok: false, reason: 'the address must start with http:// or https://' }
      : { ok: false, reason: 'it is not a complete address (for example http://127.0.0.1:5984)' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `the address must start with http:// or https://, not ${url.protocol}` };
  }
  if (url.hostname === '') return { ok: false, reason: 'the address has no host' };
  // Credentials belong in their own fields, where they are kept encrypted; a URL gets logged and shown.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'put the username and password in their own fields, not in the address' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'the address must not carry a query (?…) or fragment (#…)' };
  }
  return { ok: true, url: url.href };
}

export function checkDatabaseName(name: string): UrlCheck {
  return DATABASE_NAME_PATTERN.test(name)
    ? { ok: true, url: name }
    : {
        ok: false,
        reason:
          'a database name starts with a lowercase letter and has only lowercase letters, digits and _$()+-/',
      };
}

/** The database's URL, ending in '/' so request paths resolve inside it. Throws on bad settings. */
export function databaseUrl(serverUrl: string, database: string): string {
  const server = checkServerUrl(serverUrl);
  if (!server.ok) throw new Error(`Sync server address: ${server.reason}.`);
  const name = checkDatabaseName(database);
  if (!name.ok) throw new Error(`Sync database name: ${name.reason}.`);
  const base = server.url.endsWith('/') ? server.url : `${server.url}/`;
  return new UrlClass(`${encodeURIComponent(database)}/`, base).href;
}

/** The origin (scheme, host, port) of a server address, for comparing two settings. */
export function originOf(serverUrl: string): string | null {
  const url = parse(serverUrl.trim());
  return url ? url.origin : null;
}

/** Same server origin and username: the only account a stored password may be sent to. */
export function sameAccount(
  a: Pick<SyncSettings, 'serverUrl' | 'username'>,
  b: Pick<SyncSettings, 'serverUrl' | 'username'>,
): boolean {
  return originOf(a.serverUrl) === originOf(b.serverUrl) && a.username === b.username;
}

/** The sync settings and secrets one device keeps. */
export interface StoredSync {
  settings: SyncSettings;
  password: string | null;
  passphrase: string | null;
}

/**
 * What saving `input` over `before` keeps, on the desktop and in the browser alike. A stored password
 * goes only to the server and user it was typed for: a changed address or username without a new
 * password drops it, so it can never be redirected elsewhere. An empty password or passphrase is none.
 */
export function savedSync(input: SyncSettingsInput, before: StoredSync): StoredSync {
  const settings: SyncSettings = {
    serverUrl: input.serverUrl.trim(),
    database: input.database,
    username: input.username,
    enabled: input.enabled,
  };
  const kept = sameAccount(settings, before.settings);
  return {
    settings,
    password: input.password !== undefined ? input.password || null : kept ? before.password : null,
    passphrase: input.passphrase === undefined ? before.passphrase : input.passphrase || null,
  };
}

/**
 * The full URL of `path` inside the database at `dbUrl`, or why it is refused. `path` is what the
 * sync engine asks for: '' (the database), '_changes?since=0', '_bulk_docs', 'kith-key' ...
 */
export function resolveSyncPath(dbUrl: string, path: string): UrlCheck {
  if (path.length > MAX_SYNC_PATH_LENGTH) {
    return { ok: false, reason: `the path is longer than ${MAX_SYNC_PATH_LENGTH} characters` };
  }
  // Absolute URLs, scheme-relative '//host' and root '/x' paths would all leave the database.
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.includes('\\')) {
    return { ok: false, reason: 'the path must be relative to the sync database' };
  }
  const base = parse(dbUrl);
  const url = parse(path, dbUrl);
  if (!base || !url) return { ok: false, reason: 'the path is not a valid URL path' };
  // After resolution, so '..' and its percent-encoded forms are already folded in.
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    return { ok: false, reason: `the path leads outside the sync database (${base.origin}${base.pathname})` };
  }
  return { ok: true, url: url.href };
}
