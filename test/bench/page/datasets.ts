import type { Community, Encounter, FollowUp, Person, Tie } from '../../../shared/domain/entities';
import { DATASETS, generateNetwork, type DatasetName, type SampleNetwork } from '../../../shared/sample';
import type { Counts } from '../api';

/** The collections a sample fills, in the order an import writes them (referenced before referencing). */
export interface SampleCollections {
  communities: Community[];
  people: Person[];
  encounters: Encounter[];
  ties: Tie[];
  followups: FollowUp[];
}

export type SampleCollectionName = keyof SampleCollections;

const generated = new Map<DatasetName, SampleCollections>();
const owners = new Map<DatasetName, Person>();

export function generate(dataset: DatasetName, seed: number): { ms: number; counts: Counts } {
  const start = performance.now();
  const network: SampleNetwork = generateNetwork(DATASETS[dataset], seed);
  const ms = performance.now() - start;
  // The owner is left out: openDatabase() creates that very document itself.
  const collections: SampleCollections = {
    communities: network.communities,
    people: network.people,
    encounters: network.encounters,
    ties: network.ties,
    followups: network.followUps,
  };
  generated.set(dataset, collections);
  owners.set(dataset, network.owner);
  return { ms, counts: countsOf(collections) };
}

export function collectionsOf(dataset: DatasetName): SampleCollections {
  const collections = generated.get(dataset);
  if (!collections) throw new Error(`Dataset "${dataset}" has not been generated in this page yet.`);
  return collections;
}

export function ownerOf(dataset: DatasetName): Person {
  const owner = owners.get(dataset);
  if (!owner) throw new Error(`Dataset "${dataset}" has not been generated in this page yet.`);
  return owner;
}

export function countsOf(collections: SampleCollections): Counts {
  return Object.fromEntries(Object.entries(collections).map(([name, docs]) => [name, docs.length]));
}

/** Inserting must not change the generated documents, or the next run would write different data. */
export function assertUntouched(collections: SampleCollections): void {
  for (const [name, docs] of Object.entries(collections)) {
    const first = docs[0] as object | undefined;
    if (first && ('_meta' in first || '_rev' in first)) {
      throw new Error(`The ${name} documents were modified by an insert; runs would not be comparable.`);
    }
  }
}
