/**
 * Where sync requests may go. The desktop's main process and the browser build both send the
 * CouchDB protocol's requests to one database URL built from the user's settings, and refuse any
 * request path that would leave it: another origin, another database, or the server's own
 * endpoints (_users, _config, _session ...). The credentials travel only to that database.
 */
import type { CollectionName } from '../db/collections';
import type { SyncMethod, SyncSettings, SyncSettingsInput } from '../ipc';

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

/** A request as the sync engine hands it to a transport (the parts that decide what it does). */
export interface SyncRequestShape {
  method: SyncMethod;
  path: string;
  body?: unknown;
}

export type SyncRequestCheck = { ok: true } | { ok: false; reason: string };

/**
 * The journal's collections, as document ids name them (`people:<id>`). A record over the
 * database's collection names, so the compiler refuses a missing or unknown one; a type import
 * only, which keeps the database code out of the main process that checks requests.
 */
const JOURNAL_COLLECTION_SET: Record<CollectionName, true> = {
  people: true,
  encounters: true,
  communities: true,
  ties: true,
  followups: true,
  settings: true,
};
const JOURNAL_COLLECTIONS = Object.keys(JOURNAL_COLLECTION_SET);

/** The two server documents that are not journal documents: the key check and the journal's id. */
const SERVER_DOCUMENTS = new Set(['kith-key', 'kith-journal']);
const JOURNAL_DOCUMENT = /^([^:]*):([A-Za-z0-9_-]{1,64})$/;

/** Fields CouchDB acts on that Kith's documents may carry; any other `_` field (attachments, revisions) is not Kith's. */
const DOCUMENT_META_FIELDS = new Set(['_id', '_rev', '_deleted']);

const QUERY_PARAMETERS = {
  _changes: new Set(['feed', 'since', 'limit', 'include_docs', 'timeout', 'heartbeat', 'style']),
  _all_docs: new Set(['include_docs', 'limit', 'startkey', 'endkey', 'skip']),
  _bulk_docs: new Set<string>(),
  database: new Set<string>(),
  document: new Set(['rev']),
};

type Endpoint = keyof typeof QUERY_PARAMETERS;

/** Why `id` is not a document Kith syncs, or null when it is one. */
function documentIdProblem(id: string): string | null {
  if (SERVER_DOCUMENTS.has(id)) return null;
  const match = JOURNAL_DOCUMENT.exec(id);
  if (match && !JOURNAL_COLLECTIONS.includes(match[1]!)) {
    return `"${match[1]}" is not a journal collection (${JOURNAL_COLLECTIONS.join(', ')})`;
  }
  return match
    ? null
    : `"${shorten(id)}" is not a Kith document (kith-key, kith-journal or <collection>:<id>, the id of letters, digits, _ and -)`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a document Kith would write is not one, or null. `where` names it in the sentence. */
function documentProblem(doc: unknown, where: string): string | null {
  if (!isPlainObject(doc)) return `${where} is not a JSON object`;
  const extra = Object.keys(doc).find((field) => field.startsWith('_') && !DOCUMENT_META_FIELDS.has(field));
  if (extra) return `${where} carries "${extra}", which Kith never writes`;
  return null;
}

function bodyProblem(method: string, endpoint: Endpoint, id: string, body: unknown): string | null {
  if (method === 'GET' || method === 'DELETE' || endpoint === 'database') {
    return body === undefined ? null : `a ${method} carries no body here`;
  }
  if (endpoint === '_all_docs') {
    const keys = isPlainObject(body) ? body.keys : undefined;
    if (!isPlainObject(body) || Object.keys(body).length !== 1 || !Array.isArray(keys)) {
      return '_all_docs takes only { keys: [...] } of Kith document ids';
    }
    const bad = keys.find((key) => typeof key !== 'string' || documentIdProblem(key) !== null);
    return bad === undefined
      ? null
      : `the key ${shorten(JSON.stringify(bad) ?? String(bad))} asked of _all_docs is not a Kith document id`;
  }
  if (endpoint === '_bulk_docs') {
    const other = isPlainObject(body) ? Object.keys(body).find((key) => key !== 'docs') : undefined;
    if (other !== undefined) return `_bulk_docs takes only { docs: [...] }, not "${shorten(other)}"`;
    const docs = isPlainObject(body) ? body.docs : undefined;
    if (!Array.isArray(docs)) return '_bulk_docs takes only { docs: [...] }';
    for (const [i, doc] of docs.entries()) {
      const where = `document ${i + 1} in _bulk_docs`;
      const shape = documentProblem(doc, where);
      if (shape) return shape;
      const named = (doc as Record<string, unknown>)._id;
      if (typeof named !== 'string') return `${where} has no _id`;
      if (documentIdProblem(named)) {
        return `${where} has the id "${shorten(named)}", which is not a Kith document`;
      }
    }
    return null;
  }
  // PUT of one document: the body is that document.
  const shape = documentProblem(body, 'the body');
  if (shape) return shape;
  const named = (body as Record<string, unknown>)._id;
  if (named !== undefined && named !== id) {
    return `the body names the document "${shorten(String(named))}", not "${id}"`;
  }
  return null;
}

/** The endpoint a request path names and the methods it takes, or why the path names none. */
function endpointOf(resource: string): { endpoint: Endpoint; id: string; methods: string[] } | string {
  if (resource === '') return { endpoint: 'database', id: '', methods: ['GET', 'PUT'] };
  if (resource === '_changes') return { endpoint: '_changes', id: '', methods: ['GET'] };
  if (resource === '_all_docs') return { endpoint: '_all_docs', id: '', methods: ['GET', 'POST'] };
  if (resource === '_bulk_docs') return { endpoint: '_bulk_docs', id: '', methods: ['POST'] };
  let id: string;
  try {
    id = decodeURIComponent(resource);
  } catch {
    return `"${shorten(resource)}" is not valid percent-encoding`;
  }
  const problem = documentIdProblem(id);
  if (problem) return problem;
  // One spelling only: anything else ("people:abc", "%6Bith-key") is not what the engine sends.
  if (encodeURIComponent(id) !== resource) {
    return `Kith writes it percent-encoded (${encodeURIComponent(id)})`;
  }
  return { endpoint: 'document', id, methods: ['GET', 'PUT', 'DELETE'] };
}

const METHODS_IN_WORDS: Record<Endpoint, string> = {
  database: 'the database itself is only read (GET) or created (PUT), never deleted or written to',
  _changes: '_changes is only read (GET)',
  _all_docs: '_all_docs is only read (GET, or POST with the keys)',
  _bulk_docs: '_bulk_docs is only written (POST)',
  document: 'a document is only read (GET), written (PUT) or deleted (DELETE)',
};

/**
 * Whether a sync request is one Kith's sync engine sends: reading and creating the database, its
 * changes feed, reading documents, saving Kith's own documents (the key check, the journal id and
 * `<collection>:<id>` journal documents) and deleting one of them. Nothing else reaches the server,
 * so a compromised page that holds the transport cannot delete the database, change its _security,
 * purge documents, or plant _design (code that runs on the server) or _local documents. Both the
 * desktop's main process and the browser transport refuse anything else before it is sent.
 */
export function checkSyncRequest({ method, path, body }: SyncRequestShape): SyncRequestCheck {
  const shown = path === '' ? '"" (the database itself)' : `"${shorten(path)}"`;
  const refuse = (why: string): SyncRequestCheck => ({
    ok: false,
    reason: `${method} ${shown} is not a request Kith sends: ${why}`,
  });
  if (path.includes('#')) return refuse('a sync request has no # part');
  const mark = path.indexOf('?');
  const resource = mark === -1 ? path : path.slice(0, mark);
  const endpoint = endpointOf(resource);
  if (typeof endpoint === 'string') return refuse(endpoint);
  if (!endpoint.methods.includes(method)) return refuse(METHODS_IN_WORDS[endpoint.endpoint]);
  const allowed = QUERY_PARAMETERS[endpoint.endpoint];
  if (mark !== -1) {
    for (const field of path.slice(mark + 1).split('&')) {
      const name = field.split('=', 1)[0]!;
      if (!allowed.has(name)) {
        return refuse(
          allowed.size === 0
            ? `"${shorten(name)}" is not a query this request takes (it takes none)`
            : `"${shorten(name)}" is not a query parameter Kith sends here (only ${[...allowed].join(', ')})`,
        );
      }
    }
  }
  const problem = bodyProblem(method, endpoint.endpoint, endpoint.id, body);
  return problem ? refuse(problem) : { ok: true };
}

/**
 * Where to send `request` inside the database at `dbUrl`, or why it must not be sent at all: a path
 * that leaves the database, or a request Kith's sync engine never makes. Both transports ask this
 * before anything leaves the device.
 */
export function syncRequestTarget(dbUrl: string, request: SyncRequestShape): UrlCheck {
  const allowed = checkSyncRequest(request);
  // Every request Kith sends stays inside the database; resolving it checks that once more.
  return allowed.ok ? resolveSyncPath(dbUrl, request.path) : allowed;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
