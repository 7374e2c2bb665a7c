export { NetworkPanels } from './NetworkPanels';
export { PersonStrengthSection } from './PersonStrengthSection';
export { ActivityHeatmap } from './ActivityHeatmap';
export { CompositionChart } from './CompositionChart';
export { DunbarRings } from './DunbarRings';
export { ReachPanel } from './ReachPanel';
export { useWantToReach } from './useWantToReach';
