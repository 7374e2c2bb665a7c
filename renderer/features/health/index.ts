export { DataHealthSection } from './DataHealthSection';
