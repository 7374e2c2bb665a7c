import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Cleanup } from './cleanup';
import { freePort } from './ports';

const MAIN = resolve(import.meta.dirname, '../../../scripts/sync-server/main.mjs');

export const SERVER_USER = 'kith';
export const SERVER_PASSWORD = 'faults-password';

/** A server document as stored: an envelope, the key document or the journal id. */
export type ServerDoc = Record<string, unknown> & { _id: string; _rev: string };

/**
 * The embedded sync server (`npm run sync-server`) as its own node process with its data on disk,
 * so it can be killed with SIGKILL and started again on the same folder and port. `operator` reads
 * and writes its database over HTTP with its credentials, as whoever runs the server could.
 */
export class SyncServerProcess {
  private child: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly log: (message: string) => void,
  ) {}

  static async start(cleanup: Cleanup, log: (message: string) => void): Promise<SyncServerProcess> {
    const dir = await mkdtemp(join(tmpdir(), 'kith-faults-server-'));
    cleanup.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
    const server = new SyncServerProcess(dir, await freePort(), log);
    cleanup.add('stop the sync server', () => server.kill('SIGKILL'));
    await server.restart();
    return server;
  }

  /** Where devices reach it. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server on the same folder and port; resolves once it listens. */
  async restart(): Promise<void> {
    if (this.child) return; // still running (a control run skipped the kill)
    const child = spawn(
      process.execPath,
      [MAIN, '--dir', this.dir, '--user', SERVER_USER, '--port', String(this.port)],
      { env: { ...process.env, KITH_SYNC_PASSWORD: SERVER_PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let output = '';
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`The sync server did not start: ${output}`)), 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Kith sync server on')) {
          clearTimeout(timer);
          ok();
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        this.child = null;
        fail(new Error(`The sync server exited (${code ?? signal}): ${output}`));
      });
    });
    child.removeAllListeners('exit');
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
  }

  /** SIGKILL (default): no shutdown, no flush, as a power cut or the OOM killer would. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return;
    }
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill(signal);
    await exited;
    this.child = null;
    this.log(`sync server (pid ${child.pid}) killed with ${signal}`);
  }
}

/** The server's database over HTTP with the server's own credentials: the operator's view. */
export class Operator {
  constructor(
    private readonly base: string,
    readonly database: string,
  ) {}

  private get db(): string {
    return `${this.base}${this.database}/`;
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.db}${path}`, {
      method,
      headers: {
        Authorization: `Basic ${Buffer.from(`${SERVER_USER}:${SERVER_PASSWORD}`).toString('base64')}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  }

  /** Every live document (the key and journal documents included). */
  async docs(): Promise<ServerDoc[]> {
    const res = await this.request('GET', '_all_docs?include_docs=true');
    if (res.status === 404) return [];
    if (res.status !== 200) throw new Error(`_all_docs answered ${res.status}`);
    return (res.body as { rows: { doc: ServerDoc }[] }).rows.map((row) => row.doc);
  }

  /** The journal's documents only (envelopes: `{ kith: 1, c, v, enc, … }`). */
  async envelopes(): Promise<ServerDoc[]> {
    return (await this.docs()).filter((doc) => typeof doc.c === 'string');
  }

  async get(id: string): Promise<ServerDoc | null> {
    const res = await this.request('GET', encodeURIComponent(id));
    return res.status === 200 ? (res.body as ServerDoc) : null;
  }

  /** Writes a document as the operator (a new revision over `_rev`, or a new document). */
  async put(doc: Record<string, unknown> & { _id: string }): Promise<string> {
    const res = await this.request('PUT', encodeURIComponent(doc._id), doc);
    if (res.status !== 201 && res.status !== 202)
      throw new Error(`PUT ${doc._id} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return (res.body as { rev: string }).rev;
  }

  async remove(id: string): Promise<void> {
    const current = await this.get(id);
    if (!current) throw new Error(`${id} is not on the server`);
    const res = await this.request(
      'DELETE',
      `${encodeURIComponent(id)}?rev=${encodeURIComponent(current._rev)}`,
    );
    if (res.status !== 200) throw new Error(`DELETE ${id} answered ${res.status}`);
  }

  /** The database's document count and update sequence, or null while it does not exist or the server is down. */
  async info(): Promise<{ docCount: number; updateSeq: unknown } | null> {
    try {
      const res = await this.request('GET', '');
      if (res.status !== 200) return null;
      const body = res.body as { doc_count: number; update_seq: unknown };
      return { docCount: body.doc_count, updateSeq: body.update_seq };
    } catch {
      return null;
    }
  }
}
