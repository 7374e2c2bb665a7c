#!/usr/bin/env node
// `npm run sync-server -- --dir <folder> --user <name> [--host 127.0.0.1] [--port 5984] [--cors <origin,...>]`
// The password comes from KITH_SYNC_PASSWORD or is asked for (never a command-line argument, which
// other users of the machine could read in the process list).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createSyncServer, LOOPBACK_ORIGINS } from './server.mjs';

const USAGE =
  'Usage: npm run sync-server -- --dir <folder> --user <name> [--host 127.0.0.1] [--port 5984] [--cors <origin,...>|*]\n' +
  'The password is read from KITH_SYNC_PASSWORD, or asked for.';

function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function askPassword() {
  if (!process.stdin.isTTY) return '';
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: readline echoes through _writeToOutput.
  rl._writeToOutput = (text) => {
    if (text.startsWith('Password')) process.stdout.write(text);
  };
  const password = await rl.question('Password for the sync server: ');
  rl.close();
  process.stdout.write('\n');
  return password;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      dir: { type: 'string' },
      user: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '5984' },
      cors: { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (err) {
  fail(err.message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.dir) fail('Name a folder for the server’s data with --dir.');
if (!values.user) fail('Name the username devices will sign in with, with --user.');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, not “${values.port}”.`);
const password = process.env.KITH_SYNC_PASSWORD || (await askPassword());
if (!password) fail('Set a password: KITH_SYNC_PASSWORD=… or type it when asked.');
const corsOrigins =
  values.cors === undefined
    ? LOOPBACK_ORIGINS
    : values.cors === '*'
      ? '*'
      : values.cors.split(',').map((o) => o.trim());

try {
  const server = await createSyncServer({
    dir: values.dir,
    host: values.host,
    port,
    username: values.user,
    password,
    corsOrigins,
  });
  console.log(`Kith sync server on ${server.url} (data in ${values.dir}).`);
  console.log(
    `In Kith, set the server URL to ${server.url} and a database name (e.g. kith); it is created on first sync.`,
  );
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    console.log(
      'Warning: this server is reachable from other machines over plain HTTP; put it behind HTTPS (a reverse proxy) outside a trusted network.',
    );
  }
  const shutdown = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (err) {
  console.error(
    err.code === 'EADDRINUSE'
      ? `Port ${port} on ${values.host} is already in use: choose another with --port.`
      : err.message,
  );
  process.exit(1);
}
