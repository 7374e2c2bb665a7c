import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Cleanup } from './cleanup';

/**
 * A small HTTP proxy in front of the sync server, as a hostile or broken operator could run: it
 * passes everything through until `garbage` is set, then answers every `_changes` request with one
 * of `bodies` (in turn) instead. CORS headers are kept, so the page reads the garbage rather than a
 * network error.
 */
export class ChangesProxy {
  garbage = false;
  /** `_changes` requests answered with garbage. */
  served = 0;
  private next = 0;

  private constructor(
    readonly url: string,
    private readonly bodies: readonly string[],
  ) {}

  static async start(target: string, bodies: readonly string[], cleanup: Cleanup): Promise<ChangesProxy> {
    const upstream = new URL(target);
    let proxy: ChangesProxy | null = null;
    const server = createServer((req, res) => {
      if (proxy?.garbage && req.method === 'GET' && /\/_changes(\?|$)/.test(req.url ?? '')) {
        proxy.answerGarbage(req, res);
        return;
      }
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer: IncomingMessage) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(forward);
    });
    const sockets = new Set<Socket>();
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    proxy = new ChangesProxy(`http://127.0.0.1:${port}/`, bodies);
    cleanup.add('stop the proxy', async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    });
    return proxy;
  }

  private answerGarbage(req: IncomingMessage, res: ServerResponse): void {
    const body = this.bodies[this.next % this.bodies.length] ?? '';
    this.next += 1;
    this.served += 1;
    const origin = req.headers.origin;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(origin
        ? {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Credentials': 'true',
            Vary: 'Origin',
          }
        : {}),
    });
    res.end(body);
  }
}
