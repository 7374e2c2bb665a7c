export { TransferPage } from './TransferPage';
export { TransferIcon } from './TransferIcon';
export { AutomaticBackups } from './AutomaticBackups';
export { BackupSettingsSection } from './BackupSettingsSection';
