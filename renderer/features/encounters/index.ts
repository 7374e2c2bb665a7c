export { EncounterDialogsProvider } from './EncounterDialogsProvider';
export { useEncounterDialogs, type EncounterDialogsApi } from './encounterDialogsContext';
export { EncounterRow } from './EncounterRow';
export { EncounterTimeline } from './EncounterTimeline';
export type { EncounterPrefill } from './draft';
export { formatDayLong, formatDayShort, encounterHeading } from './format';
export { FollowUpChecklist } from './FollowUpChecklist';
export { AddFollowUpForm } from './AddFollowUpForm';
