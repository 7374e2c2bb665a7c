export { NetworkModelProvider } from './NetworkModelProvider';
export { useLearnedStrength, useNetworkAnalysis, useNetworkModel } from './useNetworkModel';
export type * from './types';
export type {
  IntroductionPath,
  IntroductionLink,
  DunbarLayer,
  FadingTie,
  Broker,
} from '../../../../shared/network';
