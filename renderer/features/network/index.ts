export { NetworkPage } from './NetworkPage';
export { NetworkModelProvider, useNetworkModel } from './model';
export type * from './model/types';
