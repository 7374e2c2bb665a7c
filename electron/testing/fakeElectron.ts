/**
 * A small stand-in for the `electron` module, for tests only (Electron cannot launch on CI).
 * Use it with `vi.mock('electron', () => import('../testing/fakeElectron'))` and import the same
 * fakes from this file to drive and inspect them. Each fake records what the shell did to it;
 * nothing here decides behaviour, so the code under test is always the real shell code.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(fields: { url?: string } = {}): FakeEvent {
  const event: FakeEvent = {
    ...fields,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
export class FakeSession {
  requestHandler: PermissionRequestHandler | undefined;
  checkHandler: PermissionCheckHandler | undefined;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame = { url: 'app://kith/index.html', parent: null };
  readonly session = new FakeSession();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  readonly setBackgroundColor = vi.fn();
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.bounds = {
      x: (options.x as number | undefined) ?? 100,
      y: (options.y as number | undefined) ?? 100,
      width: options.width as number,
      height: options.height as number,
    };
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  close(): void {
    this.emit('close', fakeEvent());
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly whenReady = vi.fn(async () => {
    this.ready = true;
  });
  readonly getVersion = vi.fn(() => '1.2.3');
  readonly getPath = vi.fn((_name: string) => this.userData);
  ready = false;
  userData = '/nonexistent-user-data';
  name = 'Kith';
  isPackaged = false;
  isReady(): boolean {
    return this.ready;
  }
}
export const app = new FakeApp();

type RequestHandler = (request: Request) => Promise<Response>;
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, RequestHandler>(),
  handle: vi.fn((scheme: string, handler: RequestHandler) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const session = { defaultSession: new FakeSession() };

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

type InvokeListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle: vi.fn((channel: string, listener: InvokeListener) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcMain.handlers.set(channel, listener);
  }),
  /** What ipcRenderer.invoke would receive, from a sender in `frame`. */
  invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const listener = ipcMain.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: frame, sender: new FakeWebContents() }, ...args);
  },
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

class FakeNativeTheme extends EventEmitter {
  themeSource = 'system';
  shouldUseDarkColors = false;
}
export const nativeTheme = new FakeNativeTheme();

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getAllDisplays: vi.fn(() => screen.displays),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
const FAKE_SEAL = 'fake-os-key:';
/**
 * safeStorage with a reversible stand-in for the OS key store: sealed text is base64 behind a
 * marker, so tests can check that nothing readable reaches the disk and that it opens again.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as StorageBackend,
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((plain: string): Buffer => {
    if (!safeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.from(FAKE_SEAL + Buffer.from(plain, 'utf8').toString('base64'), 'utf8');
  }),
  decryptString: vi.fn((sealed: Buffer): string => {
    const text = sealed.toString('utf8');
    if (!text.startsWith(FAKE_SEAL))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(FAKE_SEAL.length), 'base64').toString('utf8');
  }),
};

/** Electron's net.fetch, here the platform's fetch: tests point it at a real server on loopback. */
export const net = {
  fetch: vi.fn((input: string, init?: RequestInit) => fetch(input, init)),
};

interface OpenDialogAnswer {
  canceled: boolean;
  filePaths: string[];
}
interface SaveDialogAnswer {
  canceled: boolean;
  filePath: string;
}
/**
 * Native dialogs answer what a test queued with `answerOpen` / `answerSave` (the user's choice);
 * with nothing queued the user cancels. Each call's parent window and options are recorded.
 */
export const dialog = {
  openAnswers: [] as OpenDialogAnswer[],
  saveAnswers: [] as SaveDialogAnswer[],
  answerOpen(...filePaths: string[]): void {
    dialog.openAnswers.push({ canceled: filePaths.length === 0, filePaths });
  },
  answerSave(filePath: string | null): void {
    dialog.saveAnswers.push({ canceled: filePath === null, filePath: filePath ?? '' });
  },
  /** Called as Electron allows: (window, options) or (options). */
  showOpenDialog: vi.fn(
    async (..._args: unknown[]): Promise<OpenDialogAnswer> =>
      dialog.openAnswers.shift() ?? { canceled: true, filePaths: [] },
  ),
  showSaveDialog: vi.fn(
    async (..._args: unknown[]): Promise<SaveDialogAnswer> =>
      dialog.saveAnswers.shift() ?? { canceled: true, filePath: '' },
  ),
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
}
export const ipcRenderer = new FakeIpcRenderer();

/** Back to a freshly started, single, light-themed Electron with one 1920×1040 display. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  BrowserWindow.instances.length = 0;
  app.removeAllListeners();
  app.ready = false;
  app.isPackaged = false;
  app.userData = '/nonexistent-user-data';
  app.requestSingleInstanceLock.mockImplementation(() => true);
  protocol.handlers.clear();
  session.defaultSession.requestHandler = undefined;
  session.defaultSession.checkHandler = undefined;
  ipcMain.handlers.clear();
  nativeTheme.removeAllListeners();
  nativeTheme.themeSource = 'system';
  nativeTheme.shouldUseDarkColors = false;
  screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockImplementation(async () => undefined);
  dialog.openAnswers.length = 0;
  dialog.saveAnswers.length = 0;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  net.fetch.mockImplementation((input: string, init?: RequestInit) => fetch(input, init));
}
