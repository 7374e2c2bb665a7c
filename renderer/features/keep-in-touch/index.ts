export { KeepInTouchPage } from './KeepInTouchPage';
