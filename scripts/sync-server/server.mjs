// The embedded CouchDB-protocol server: express-pouchdb over PouchDB, behind a small HTTP front
// that requires one username and password (Basic auth) and answers CORS for the browser build.
// express-pouchdb is an express 4 app; it runs as its own request handler here, never mounted in
// another express app (mounted in express 5, `_changes` breaks: req.query became a getter).
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** Browser origins allowed by default: the browser build served on this machine. */
export const LOOPBACK_ORIGINS = [/^http:\/\/localhost(:\d+)?$/, /^http:\/\/127\.0\.0\.1(:\d+)?$/];

let memoryServers = 0;

let basePouch = null;

/** PouchDB's plugins patch the one PouchDB class: add them once per process. */
function pouchBase() {
  basePouch ??= require('pouchdb-core')
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-leveldb'));
  return basePouch;
}

function pouchFor({ dir, memory }) {
  const PouchDB = pouchBase();
  if (memory) {
    // memdown keeps one store per process: a prefix per server keeps test servers apart.
    memoryServers += 1;
    return PouchDB.defaults({
      adapter: 'memory',
      prefix: `kith-sync-${process.pid}-${memoryServers}-`,
    });
  }
  return PouchDB.defaults({
    adapter: 'leveldb',
    prefix: resolve(dir) + sep,
  });
}

function digest(text) {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time comparison (of hashes, so different lengths do not leak either). */
function sameSecret(a, b) {
  return timingSafeEqual(digest(a), digest(b));
}

function credentialsOf(req) {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function originAllowed(origin, allowed) {
  if (!origin) return false;
  if (allowed === '*') return true;
  return allowed.some((rule) => (rule instanceof RegExp ? rule.test(origin) : rule === origin));
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * @param {import('./server.d.mts').SyncServerOptions} options
 * @returns {Promise<import('./server.d.mts').SyncServer>}
 */
export async function createSyncServer(options) {
  const { dir, memory = false, host = '127.0.0.1', port = 0, username, password } = options;
  const corsOrigins = options.corsOrigins ?? LOOPBACK_ORIGINS;
  if (!memory && !dir)
    throw new Error('The sync server needs a folder for its data (--dir), or memory: true.');
  if (!username) throw new Error('The sync server needs a username (--user).');
  if (!password)
    throw new Error('The sync server needs a password (KITH_SYNC_PASSWORD, or typed when asked).');
  if (!memory) await mkdir(dir, { recursive: true });

  const PouchDB = pouchFor({ dir, memory });
  const app = require('express-pouchdb')(PouchDB, {
    mode: 'minimumForPouchDB',
    // No config.json or log file written into the current folder.
    inMemoryConfig: true,
  });

  const handler = (req, res) => {
    const origin = req.headers.origin;
    if (originAllowed(origin, corsOrigins)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        // Preflights carry no credentials by design; answer them before the password check.
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
    }
    const given = credentialsOf(req);
    // No WWW-Authenticate header: it would make browsers pop up their own login dialog.
    if (!given || !sameSecret(given.user, username) || !sameSecret(given.password, password)) {
      sendJson(res, 401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
      return;
    }
    app(req, res);
  };

  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let boundPort = port;
  const listen = () =>
    new Promise((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(boundPort, host, () => {
        server.off('error', reject);
        boundPort = server.address().port;
        resolveListen();
      });
    });
  const stopListening = () =>
    new Promise((resolveClose) => {
      server.close(() => resolveClose());
      // Long-polls would keep close() waiting forever.
      for (const socket of sockets) socket.destroy();
    });
  await listen();
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${boundPort}/`,
    pause: stopListening,
    resume: listen,
    async close() {
      if (server.listening) await stopListening();
    },
  };
}
