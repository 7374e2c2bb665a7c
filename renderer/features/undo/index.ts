export { UndoProvider } from './UndoProvider';
export { useUndo, type UndoApi } from './undoContext';
