export { generateNetwork } from './generate';
export type { SampleNetwork } from './generate';
export type { ClosenessSeries, GroundTruth, OwnerTieTruth, PersonTieTruth } from './truth';
export { closenessAt, lastContactOn, silentAfter } from './truth';
export { BENCH_SEED, checkSpec, DATASETS } from './datasets';
export type { DatasetName, DatasetSpec } from './datasets';
export { REFERENCE_DAY } from './calendar';
export { gapVariation } from './bursts';
