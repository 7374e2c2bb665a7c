export { automaticBackups, type AutomaticBackups } from './backups';
export {
  hasNativeFileDialogs,
  openFileNatively,
  readPickedFile,
  saveFile,
  type SaveFileOptions,
} from './files';
