/**
 * The network map's pure core: tie strength over time, the network at a date and the graph
 * algorithms on it. figures.ts and evaluate.ts (bench and truth) import the sample generator and
 * are left out of this entry point so that the app does not bundle it.
 */
export {
  DEFAULT_STRENGTH_SETTINGS,
  FACTOR_NAMES,
  SETTING_RATIONALE,
  SILENCE_KINDS,
  type FactorName,
  type ModelSwitches,
  type SilenceKind,
  type StrengthSettings,
} from './settings';
export {
  parseStrengthSettings,
  resolveStrengthSettings,
  strengthSettingsSchema,
  StrengthSettingsError,
} from './settingsSchema';
export { dayNumber, dayString, type DayNumber } from './days';
export { datedEncounters, datedTies } from './dated';
export {
  buildTimeIndex,
  TimeIndex,
  type DayLike,
  type PersonEntry,
  type TieRef,
  type TimeIndexOptions,
} from './timeIndex';
export { tieAt, type OwnerTieDetail, type PairTieDetail, type TieDetail } from './tieDetail';
export {
  explainStrength,
  FACTOR_LABELS,
  strengthWord,
  type FactorExplanation,
  type StrengthExplanation,
} from './explain';
export { ownerTieStrength } from './strength';
export { pairStrength } from './pairs';
export type { FactorValues, OwnerTieInfo, Rhythm } from './factors';
export {
  LEARNED_FEATURES,
  LEARNED_LABELS,
  learnedSummary,
  type LearnedFeature,
  type LearnedStrength,
  type LearnedSummary,
  type LearnedWeight,
} from './learn';
export { ownerTieKinds } from './ownerKinds';
export { networkAt, type EdgeAttributes, type NetworkGraph, type NodeAttributes } from './graph';
export { communitiesOf, type Communities } from './communities';
export { membershipFacts, membershipsAt, type Membership, type MembershipFacts } from './memberships';
export { clusterName, clusterNames, type ClusterMember, type ClusterName } from './clusterNames';
export { introductionPath, type IntroductionLink, type IntroductionPath } from './introductions';
export { brokersOf, bridgesOf, type Broker } from './brokers';
export { dunbarLayers, type DunbarLayer } from './layers';
export { fadingTies, type FadingReason, type FadingTie } from './keepInTouch';
export { analyseNetwork, type NetworkAnalysis } from './analysis';
export {
  buildChangeIndex,
  changesBetween,
  TIE_GREW_BY,
  type ChangedTie,
  type ChangeIndex,
  type CommunityChange,
  type MetPerson,
  type NetworkChanges,
} from './changes';
export { changeSummary, namesList } from './changeSummary';
export { dayInWords, monthsUntil, spanLabel, wholeYear, yearSpan, type DaySpan } from './changeSpan';
