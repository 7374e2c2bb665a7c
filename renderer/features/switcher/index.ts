export { QuickSwitcher } from './QuickSwitcher';
export type { QuickSwitcherProps } from './QuickSwitcher';
