export { EncounterDialogsProvider } from './EncounterDialogsProvider';
export { useEncounterDialogs, type EncounterDialogsApi } from './encounterDialogsContext';
export { EncounterRow } from './EncounterRow';
export type { EncounterPrefill } from './draft';
export { formatDayLong, formatDayShort, encounterHeading } from './format';
