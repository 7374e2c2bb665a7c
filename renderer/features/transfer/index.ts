export { TransferPage } from './TransferPage';
export { AutomaticBackups } from './AutomaticBackups';
export { BackupSettingsSection } from './BackupSettingsSection';
export { InterruptedWriteNotice } from './InterruptedWriteNotice';
