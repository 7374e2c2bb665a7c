export { generateNetwork } from './generate';
export type { GroundTruth, OwnerTieTruth, PersonTieTruth, SampleNetwork } from './generate';
export { BENCH_SEED, checkSpec, DATASETS } from './datasets';
export type { DatasetName, DatasetSpec } from './datasets';
export { REFERENCE_DAY } from './calendar';
export { gapVariation } from './bursts';
