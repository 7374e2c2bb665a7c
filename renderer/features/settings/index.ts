export { SettingsPage } from './SettingsPage';
export { useStrengthSettings } from './useStrengthSettings';
