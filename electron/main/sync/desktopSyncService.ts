import { join } from 'node:path';
import { app, net, safeStorage } from 'electron';
import { testConnection } from '../../../shared/sync/connection';
import { SYNC_SETTINGS_FILE } from './settingsFile';
import { createSyncService, type SyncService } from './syncService';

/** The app's sync service: settings in userData, secrets sealed by safeStorage, HTTP by net.fetch. */
export function createDesktopSyncService(platform: NodeJS.Platform): SyncService {
  return createSyncService({
    file: join(app.getPath('userData'), SYNC_SETTINGS_FILE),
    safeStorage,
    platform,
    fetch: (url, init) => net.fetch(url, init),
    testConnection,
  });
}
