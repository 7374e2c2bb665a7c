import { brokersOf, bridgesOf, type Broker } from './brokers';
import { communitiesOf, type Communities } from './communities';
import { networkAt, type NetworkGraph } from './graph';
import { fadingTies, type FadingTie } from './keepInTouch';
import { dunbarLayers, type DunbarLayer } from './layers';
import { toDay, type DayLike } from './days';
import type { TimeIndex } from './timeIndex';

/** The shape of the network on one date: what the map's side panels show. */
export interface NetworkAnalysis {
  day: number;
  strengths: Float64Array;
  graph: NetworkGraph;
  communities: Communities;
  /** Lowest constraint (most brokerage) first. */
  brokers: Broker[];
  bridges: Set<string>;
  /** Keep in touch: bridges first, then by strength lost. */
  fading: FadingTie[];
  layers: DunbarLayer[];
}

/**
 * Everything derived from the network on `day`, each step feeding the next (strengths -> graph ->
 * communities -> brokers and bridges -> the keep-in-touch list). On the heavy dataset this takes a
 * few hundred milliseconds, so it belongs to "the date settled", not to every frame of the slider.
 */
export function analyseNetwork(index: TimeIndex, when: DayLike): NetworkAnalysis {
  const day = toDay(when);
  const strengths = index.strengthsAt(day);
  const graph = networkAt(index, day, strengths);
  const communities = communitiesOf(graph);
  const brokers = brokersOf(graph, communities);
  const bridges = bridgesOf(brokers, index.settings.bridgeShare);
  return {
    day,
    strengths,
    graph,
    communities,
    brokers,
    bridges,
    fading: fadingTies(index, day, { bridges }),
    layers: dunbarLayers(index, day, strengths),
  };
}
