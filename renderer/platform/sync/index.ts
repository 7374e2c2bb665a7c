import type {
  SyncConnectionCandidate,
  SyncConnectionResult,
  SyncSettingsInput,
  SyncSettingsView,
} from '../../../shared/ipc';
import { databaseUrl, sameAccount } from '../../../shared/security/syncUrl';
import { testConnection, type SyncTransport } from '../../../shared/sync';
import { bridgeWith } from '../bridge';
import {
  browserSettingsView,
  readBrowserSecrets,
  readBrowserSettings,
  saveBrowserSettings,
} from './browserStore';
import { createFetchTransport } from './fetchTransport';

const SYNC_FUNCTIONS = ['loadSyncSettings', 'saveSyncSettings', 'syncRequest', 'testSyncConnection'] as const;

const syncBridge = () => bridgeWith(SYNC_FUNCTIONS);

/** This device's sync settings: the desktop's main process, or the browser's storage. */
export async function loadSyncSettings(): Promise<SyncSettingsView> {
  const bridge = syncBridge();
  return bridge ? bridge.loadSyncSettings() : browserSettingsView();
}

export async function saveSyncSettings(input: SyncSettingsInput): Promise<SyncSettingsView> {
  const bridge = syncBridge();
  return bridge ? bridge.saveSyncSettings(input) : saveBrowserSettings(input);
}

/**
 * The sync engine's transport for the saved settings. On the desktop every request goes through the
 * main process, which adds the password (the renderer never has it) and sends it to the configured
 * database only; in a browser it is fetch with Basic auth.
 */
export function syncTransport(): SyncTransport {
  const bridge = syncBridge();
  if (bridge) {
    return async ({ signal, ...request }) => {
      // An AbortSignal cannot cross IPC: stop waiting here; main's own timeout ends the request there.
      const answer = bridge.syncRequest(request);
      const response = signal ? await untilAborted(answer, signal) : await answer;
      if ('networkError' in response) throw new Error(response.networkError);
      return response;
    };
  }
  return async (request) => {
    const settings = readBrowserSettings();
    // Cheap after the first request: the opened secrets stay in memory while the entry is unchanged.
    const { password } = (await readBrowserSecrets()).secrets;
    const credentials = settings.username && password ? { username: settings.username, password } : null;
    return createFetchTransport(
      databaseUrl(settings.serverUrl, settings.database),
      () => credentials,
    )(request);
  };
}

/** "Test connection" with what the form holds, saved or not; never throws. */
export async function testSyncConnection(candidate: SyncConnectionCandidate): Promise<SyncConnectionResult> {
  const bridge = syncBridge();
  try {
    if (bridge) return await bridge.testSyncConnection(candidate);
    const saved = readBrowserSettings();
    const password =
      candidate.password ??
      (sameAccount(candidate, saved) ? (await readBrowserSecrets()).secrets.password : null);
    const credentials = candidate.username && password ? { username: candidate.username, password } : null;
    const dbUrl = databaseUrl(candidate.serverUrl, candidate.database);
    return await testConnection(createFetchTransport(dbUrl, () => credentials));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function untilAborted<T>(answer: Promise<T>, signal: NonNullable<Parameters<SyncTransport>[0]['signal']>) {
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(new Error('Sync stopped.'));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop);
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
