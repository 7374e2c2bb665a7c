export { SyncProvider } from './SyncProvider';
export { SyncStatusIndicator } from './SyncStatusIndicator';
export { SyncSettingsSection } from './SyncSettingsSection';
