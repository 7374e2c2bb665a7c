import type { SafeStorage } from 'electron';
import type {
  SyncConnectionCandidate,
  SyncConnectionResult,
  SyncSettings,
  SyncSettingsInput,
  SyncSettingsView,
  SyncWireRequest,
  SyncWireResponse,
} from '../../../shared/ipc';
import { databaseUrl, sameAccount, savedSync } from '../../../shared/security/syncUrl';
import {
  NO_SECRETS,
  openSecrets,
  sealSecrets,
  secretStorageKind,
  type DesktopSecretStorage,
  type SyncSecrets,
} from './secretBox';
import { readSyncSettingsFile, writeSyncSettingsFile } from './settingsFile';
import { sendSyncRequest, type FetchLike, type SyncCredentials } from './syncHttp';

/** The sync engine's transport shape: answers any HTTP status, rejects only when offline. */
export type MainTransport = (request: SyncWireRequest) => Promise<{ status: number; body: unknown }>;
export type ConnectionTester = (transport: MainTransport) => Promise<SyncConnectionResult>;

export interface SyncServiceOptions {
  /** The settings file (userData/sync-settings.json). */
  file: string;
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  >;
  platform: NodeJS.Platform;
  /** Electron's net.fetch in the app (Chromium's network stack: the system's proxies and certificates). */
  fetch: FetchLike;
  testConnection: ConnectionTester;
}

export interface SyncService {
  load(): SyncSettingsView;
  save(input: SyncSettingsInput): SyncSettingsView;
  request(request: SyncWireRequest): Promise<SyncWireResponse>;
  testConnection(candidate: SyncConnectionCandidate): Promise<SyncConnectionResult>;
}

interface Current {
  settings: SyncSettings;
  secrets: SyncSecrets;
}

/**
 * The desktop's sync settings and the only place that holds the password: the renderer saves it
 * here once and afterwards asks this service to send each CouchDB request, which adds the
 * credentials and sends it to the configured database only.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const { file, safeStorage, platform } = options;
  const storage = (): DesktopSecretStorage => secretStorageKind(safeStorage, platform);
  // Kept only in memory where the OS offers no encryption ('session-only').
  let sessionSecrets: SyncSecrets = NO_SECRETS;
  let cached: Current | null = null;

  const current = (): Current => {
    if (cached) return cached;
    const stored = readSyncSettingsFile(file);
    const secrets = stored.sealedSecrets
      ? (openSecrets(safeStorage, stored.sealedSecrets) ?? NO_SECRETS)
      : sessionSecrets;
    cached = { settings: stored.settings, secrets };
    return cached;
  };

  const view = ({ settings, secrets }: Current): SyncSettingsView => ({
    ...settings,
    hasPassword: secrets.password !== null,
    passphrase: secrets.passphrase,
    secretStorage: storage(),
  });

  const credentialsFor = (settings: SyncSettings, secrets: SyncSecrets): SyncCredentials | null =>
    settings.username !== '' && secrets.password !== null
      ? { username: settings.username, password: secrets.password }
      : null;

  return {
    load: () => view(current()),

    save(input) {
      const before = current();
      const { settings, password, passphrase } = savedSync(input, {
        settings: before.settings,
        ...before.secrets,
      });
      const secrets: SyncSecrets = { password, passphrase };
      const kind = storage();
      const hasSecrets = password !== null || passphrase !== null;
      const sealedSecrets = kind !== 'session-only' && hasSecrets ? sealSecrets(safeStorage, secrets) : null;
      writeSyncSettingsFile(file, { settings, sealedSecrets });
      sessionSecrets = kind === 'session-only' ? secrets : NO_SECRETS;
      cached = { settings, secrets };
      return view(cached);
    },

    async request(request) {
      const { settings, secrets } = current();
      if (settings.serverUrl === '' || settings.database === '') {
        throw new Error('Sync is not set up on this device: add a server address and database name.');
      }
      const dbUrl = databaseUrl(settings.serverUrl, settings.database);
      return sendSyncRequest(options.fetch, dbUrl, credentialsFor(settings, secrets), request);
    },

    async testConnection(candidate) {
      const { settings, secrets } = current();
      const stored = sameAccount(candidate, settings) ? secrets.password : null;
      const password = candidate.password ?? stored;
      const credentials =
        candidate.username !== '' && password ? { username: candidate.username, password } : null;
      const dbUrl = databaseUrl(candidate.serverUrl, candidate.database);
      return options.testConnection(async (request) => {
        const response = await sendSyncRequest(options.fetch, dbUrl, credentials, request);
        if ('networkError' in response) throw new Error(response.networkError);
        return response;
      });
    },
  };
}
