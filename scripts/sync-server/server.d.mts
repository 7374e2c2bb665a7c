export interface SyncServerOptions {
  /** Folder for on-disk storage (LevelDB); required unless memory is true. */
  dir?: string;
  /** In-memory storage: tests and e2e. */
  memory?: boolean;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Default 0: any free port (see url). */
  port?: number;
  username: string;
  password: string;
  /** Browser origins allowed by CORS: strings or patterns, or '*'; default loopback origins. */
  corsOrigins?: (string | RegExp)[] | '*';
}

export interface SyncServer {
  /** The server's root URL with a trailing slash; a database is `${url}${name}/`. */
  url: string;
  /** Stops answering (drops open connections) but keeps the data: "the server went away". */
  pause(): Promise<void>;
  /** Answers again on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export const LOOPBACK_ORIGINS: RegExp[];
export function createSyncServer(options: SyncServerOptions): Promise<SyncServer>;
