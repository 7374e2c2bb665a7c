export { automaticBackups, type AutomaticBackups } from './backups';
export {
  hasNativeFileDialogs,
  openFileNatively,
  pickedFile,
  saveFile,
  type PickedFile,
  type SaveFileOptions,
} from './files';
