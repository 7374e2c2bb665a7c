import type { NetworkScene } from './drawNetwork';
import {
  bubblesOf,
  bundlesOf,
  CLOSEST_PEOPLE,
  closestPeople,
  openCommunities,
  prominentPeople,
  type Bubble,
  type Bundle,
} from './legibility';
import { MIN_TIE } from './tieChoice';

/** The structure view of a scene at a zoom: what is a bubble, what is open, who is drawn on top. */
export interface SceneStructure {
  /** The closest people on the map, strongest first. */
  closest: Int32Array;
  bubbles: Bubble[];
  /** The ties between closed bubbles, summed up. */
  bundles: Bundle[];
  open: Set<number>;
  /** 1: drawn as a disc (the owner, the closest people, open communities); 0: a speck. */
  prominent: Uint8Array;
}

/** Who counts: on the map at the scene's date, laid out, and not filtered out. */
export function includedIn(scene: NetworkScene): (i: number) => boolean {
  return (i) => {
    if ((scene.appears[i] as number) > scene.day || Number.isNaN(scene.positions[i * 2] as number))
      return false;
    if (i === 0) return true;
    return scene.hidden?.[i] !== 1 && (scene.nodeStrength[i] as number) >= scene.minStrength;
  };
}

let kept: {
  key: unknown[];
  base: Pick<SceneStructure, 'closest' | 'bubbles'>;
  open: string;
  result: SceneStructure;
} | null = null;

/**
 * The structure of a scene in the overview (kept while nothing it depends on changes, since the
 * painter and the hit test ask for it on every frame and pointer move).
 */
export function structureOf(scene: NetworkScene, zoom: number): SceneStructure | null {
  const communityOf = scene.communityOf;
  if (!scene.overview || !communityOf || communityOf.length !== scene.appears.length) return null;
  const key = [
    scene.positions,
    scene.nodeStrength,
    scene.tieStrength,
    scene.appears,
    scene.day,
    scene.hidden,
    scene.minStrength,
    communityOf,
  ];
  const same = kept !== null && kept.key.every((k, i) => Object.is(k, key[i]));
  const included = includedIn(scene);
  const base =
    same && kept
      ? kept.base
      : {
          closest: closestPeople(scene.nodeStrength, included, CLOSEST_PEOPLE),
          bubbles: bubblesOf(scene.positions, communityOf, included),
        };
  const open = openCommunities(base.bubbles, scene.opened ?? [], zoom);
  const openKey = [...open].sort((a, b) => a - b).join(',');
  if (same && kept && kept.open === openKey) return kept.result;
  const closed = new Set(base.bubbles.filter((b) => !open.has(b.community)).map((b) => b.community));
  const result: SceneStructure = {
    ...base,
    open,
    bundles: bundlesOf(
      {
        source: scene.tieSource,
        target: scene.tieTarget,
        isOwner: scene.tieIsOwner,
        strength: scene.tieStrength,
      },
      communityOf,
      closed,
      included,
      MIN_TIE,
    ),
    prominent: prominentPeople(scene.appears.length, base.closest, communityOf, open),
  };
  kept = { key, base, open: openKey, result };
  return result;
}
