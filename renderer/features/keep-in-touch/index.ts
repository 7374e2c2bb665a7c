export { KeepInTouchPage } from './KeepInTouchPage';
export { KeepInTouchIcon } from './KeepInTouchIcon';
