import { placeLabels, type Box, type LabelCandidate } from './labels';
import {
  CLOSEST_PEOPLE,
  closestPeople,
  LABEL_BUDGET,
  labelOrder,
  TIE_BUDGET,
  type Bubble,
} from './legibility';
import { chooseTies, chooseTiesOnce } from './tieChoice';
import type { ThemeColours } from './palette';
import { nodeRadius, OWNER_RADIUS, tieAlpha, tieWidth } from './scales';
import { structureOf, type SceneStructure } from './structureScene';

/** Everything one frame of the map shows. Node 0 is the owner. */
export interface NetworkScene {
  /** World positions x0, y0, x1, y1… (NaN: not laid out yet). */
  positions: Float32Array;
  /** Day number each node appears; the frame's `day` decides who is on the map. */
  appears: Float64Array;
  day: number;
  tieSource: Uint32Array;
  tieTarget: Uint32Array;
  tieIsOwner: Uint8Array;
  nodeStrength: Float32Array;
  tieStrength: Float32Array;
  /** Colour per node, as an index into `colours`. */
  colourSlot: Int32Array;
  colours: readonly string[];
  /** 1 = filtered out: drawn faintly, without ties or label. */
  hidden: Uint8Array | null;
  minStrength: number;
  names: readonly string[];
  focus: number;
  hover: number;
  /** Node indexes of an introduction chain to draw over the map. */
  path: readonly number[];
  theme: ThemeColours;
  /**
   * A quick sketch while the layout still moves everyone: fewer and thinner ties, no outlines; the
   * closest people and the communities are named. Rasterising the full picture takes 50-100 ms on a
   * heavy journal (software rendering), too long for frames that are replaced a tenth of a second later.
   */
  preview?: boolean;
  /**
   * The date is moving (scrubbing, playing): frames come fast, so they are sketches like `preview`
   * (the strongest few hundred ties as hairlines, nodes as squares, no outlines or labels).
   */
  moving?: boolean;
  /** Each node's community at the analysed date (-1: none); with `overview`, the bubbles. */
  communityOf?: Int32Array | null;
  /** Each community's name and colour, by community index. */
  communityNames?: readonly string[];
  communityColours?: readonly string[];
  /**
   * Draw the structure: a bubble per community, bundles of ties between them, the closest people
   * on top (the default picture of a large journal; see legibility.ts).
   */
  overview?: boolean;
  /** Communities opened (clicked, or from the list): their people and ties are drawn in full. */
  opened?: readonly number[];
}

/** What one frame drew: the legibility budget's figures (the bench reads them). */
export interface DrawnCounts {
  /** People drawn as discs (the owner included). */
  people: number;
  /** Ties drawn one by one. */
  ties: number;
  /** Names drawn (people and communities). */
  labels: number;
  /** Communities drawn as bubbles, and the bundles of ties between them. */
  bubbles: number;
  bundles: number;
  /** People drawn as faint specks inside their community's bubble (the structure view). */
  specks: number;
}

export interface Viewport {
  width: number;
  height: number;
  dpr: number;
  /** d3-zoom transform: screen = world * k + (x, y). */
  k: number;
  x: number;
  y: number;
  /** The zoom relative to the fitted view (1: everyone fits; above 1: zoomed in). */
  detail?: number;
}

const MAX_DRAWN_TIES = TIE_BUDGET;
/** Ties drawn between the closest people while every community is closed (the overview). */
const OVERVIEW_TIES = 600;
/** Zoomed in this far past the fitted view, anyone on screen may be named, not only the closest people. */
const ZOOMED_IN = 1.6;
const BUBBLE_FONT = '600 13px system-ui, -apple-system, "Segoe UI", sans-serif';
const BUBBLE_LABEL_HEIGHT = 16;
const COUNT_FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';
/** The largest bundles say how many ties they hold. */
const COUNTED_BUNDLES = 5;
const PREVIEW_TIES = 600;
/**
 * While the date moves a frame must fit in 16 ms including rasterising (software rendering): the
 * strongest few hundred ties show the shape; the full picture follows once the date rests.
 */
const MOVING_TIES = 300;
/** Up to this many ties are drawn at full opacity; beyond it they fade (down to 30 %). */
const DENSE_TIES = 500;
const LABEL_FONT = '500 12px system-ui, -apple-system, "Segoe UI", sans-serif';
const LABEL_HEIGHT = 14;
/** Candidates tried per label that can be placed. */
const LABEL_TRIES = 6;
const OBSTACLE_RADIUS = 4;
const SPECK = 1.6;
const textWidths = new Map<string, number>();

export function isOnMap(scene: NetworkScene, i: number): boolean {
  return (scene.appears[i] as number) <= scene.day && !Number.isNaN(scene.positions[i * 2] as number);
}

export function isHidden(scene: NetworkScene, i: number): boolean {
  if (i === 0) return false;
  return scene.hidden?.[i] === 1 || (scene.nodeStrength[i] as number) < scene.minStrength;
}

/** The radius a node is drawn with, in world units (never smaller than 1.5 screen pixels). */
export function drawnRadius(scene: NetworkScene, i: number, k: number): number {
  const r = i === 0 ? OWNER_RADIUS : nodeRadius(scene.nodeStrength[i] as number);
  return Math.max(r, 1.5 / k);
}

/**
 * Draws one frame: ties batched by strength (one path per width and alpha), nodes batched by
 * colour, then highlights, then labels placed so they never overlap. Thousands of nodes and tens
 * of thousands of ties fit in a frame because each batch is a single stroke or fill.
 */
export function drawNetwork(ctx: CanvasRenderingContext2D, scene: NetworkScene, view: Viewport): DrawnCounts {
  const { dpr, k } = view;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);

  // The world rectangle on screen: ties wholly outside it are not drawn, nor counted in the budget.
  const world = {
    x0: -view.x / k,
    y0: -view.y / k,
    x1: (view.width - view.x) / k,
    y1: (view.height - view.y) / k,
  };
  const structure = structureOf(scene, k);
  const counts = { people: 0, ties: 0, labels: 0, bubbles: 0, bundles: 0, specks: 0 };
  if (structure) {
    counts.bundles = drawBundles(ctx, scene, structure, k);
    counts.bubbles = drawBubbles(ctx, scene, structure, k);
  }
  counts.ties = drawTies(ctx, scene, k, world, structure);
  const drawn = drawNodes(ctx, scene, k, structure);
  counts.people = drawn.people;
  counts.specks = drawn.specks;
  drawHighlights(ctx, scene, k);

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  // Community names even on quick sketches: they are few, and they make the first picture readable.
  const bubbleLabels = structure ? drawBubbleLabels(ctx, scene, structure, view) : [];
  counts.labels = bubbleLabels.length;
  // Bundle counts are numbers, not names: drawn, but not counted among the labels.
  if (structure) drawBundleCounts(ctx, scene, structure, view, [...bubbleLabels]);
  // While the layout runs the closest people are named too (at most 150 candidates: a few ms), so
  // the first picture can be read before the layout settles; not while the date moves, when frames
  // must fit in 16 ms.
  if (scene.moving) return counts;
  counts.labels += drawLabels(ctx, scene, view, structure, bubbleLabels);
  return counts;
}

/** The bubble's colour: its community's. */
function bubbleColour(scene: NetworkScene, b: Bubble): string {
  return scene.communityColours?.[b.community] ?? scene.theme.muted;
}

/**
 * The ties between communities, one line per pair of closed bubbles, as wide as the square root
 * of their number (the count is in the community list and the table).
 */
function drawBundles(ctx: CanvasRenderingContext2D, scene: NetworkScene, s: SceneStructure, k: number) {
  const at = new Map(s.bubbles.map((b) => [b.community, b]));
  const most = s.bundles[0]?.ties ?? 1;
  ctx.lineCap = 'round';
  ctx.strokeStyle = scene.theme.tie;
  let drawn = 0;
  // Fewest first, so the largest bundles are drawn on top.
  for (let j = s.bundles.length - 1; j >= 0; j--) {
    const bundle = s.bundles[j]!;
    const a = at.get(bundle.a);
    const b = at.get(bundle.b);
    if (!a || !b) continue;
    const share = Math.sqrt(bundle.ties / most);
    ctx.globalAlpha = 0.08 + 0.4 * share;
    ctx.lineWidth = (1 + 9 * share) / k;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
    drawn++;
  }
  ctx.globalAlpha = 1;
  return drawn;
}

/** The number of ties on the largest bundles, at their middle (where no name is). */
function drawBundleCounts(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  s: SceneStructure,
  view: Viewport,
  taken: Box[],
): number {
  const at = new Map(s.bubbles.map((b) => [b.community, b]));
  ctx.font = COUNT_FONT;
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  let drawn = 0;
  for (const bundle of s.bundles.slice(0, COUNTED_BUNDLES)) {
    const a = at.get(bundle.a);
    const b = at.get(bundle.b);
    if (!a || !b) continue;
    const text = bundle.ties.toLocaleString('en');
    const width = ctx.measureText(text).width + 4;
    const x = ((a.x + b.x) / 2) * view.k + view.x;
    const y = ((a.y + b.y) / 2) * view.k + view.y;
    const box = { x: x - width / 2, y: y - 7, width, height: 14 };
    if (box.x < 0 || box.y < 0 || box.x + width > view.width || box.y + 14 > view.height) continue;
    if (
      taken.some(
        (o) => box.x < o.x + o.width && o.x < box.x + width && box.y < o.y + o.height && o.y < box.y + 14,
      )
    )
      continue;
    taken.push(box);
    ctx.strokeStyle = scene.theme.background;
    ctx.strokeText(text, box.x + 2, y);
    ctx.fillStyle = scene.theme.muted;
    ctx.fillText(text, box.x + 2, y);
    drawn++;
  }
  return drawn;
}

/** Each community as a translucent disc in its colour; an open one as an outline around its people. */
function drawBubbles(ctx: CanvasRenderingContext2D, scene: NetworkScene, s: SceneStructure, k: number) {
  // Largest first, so the small communities stay visible on top of the large ones.
  for (const b of s.bubbles) {
    const open = s.open.has(b.community);
    const colour = bubbleColour(scene, b);
    ctx.beginPath();
    ctx.arc(b.x, b.y, b.r, 0, 2 * Math.PI);
    ctx.fillStyle = colour;
    ctx.globalAlpha = open ? 0.05 : 0.22;
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.globalAlpha = open ? 0.5 : 0.7;
    ctx.lineWidth = (open ? 1 : 1.5) / k;
    if (open) ctx.setLineDash([4 / k, 4 / k]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.globalAlpha = 1;
  return s.bubbles.length;
}

/**
 * Each bubble's name and size, largest community first, centred on the bubble (above an open
 * one, whose people fill it); a name that would overlap one already placed is left out.
 */
function drawBubbleLabels(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  s: SceneStructure,
  view: Viewport,
): Box[] {
  ctx.font = BUBBLE_FONT;
  const placed: Box[] = [];
  const overlaps = (b: Box) =>
    placed.some(
      (o) => b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height,
    );
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3.5;
  for (const b of s.bubbles) {
    const name = scene.communityNames?.[b.community];
    if (!name) continue;
    const text = `${name} · ${b.members}`;
    const width = ctx.measureText(text).width + 4;
    const cx = b.x * view.k + view.x;
    const cy = s.open.has(b.community)
      ? (b.y - b.r) * view.k + view.y - BUBBLE_LABEL_HEIGHT
      : b.y * view.k + view.y;
    const box = { x: cx - width / 2, y: cy - BUBBLE_LABEL_HEIGHT / 2, width, height: BUBBLE_LABEL_HEIGHT };
    if (box.x < 0 || box.y < 0 || box.x + width > view.width || box.y + box.height > view.height) continue;
    if (overlaps(box)) continue;
    placed.push(box);
    ctx.strokeStyle = scene.theme.background;
    ctx.strokeText(text, box.x + 2, cy);
    ctx.fillStyle = scene.theme.text;
    ctx.fillText(text, box.x + 2, cy);
  }
  return placed;
}

function drawTies(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  k: number,
  world: { x0: number; y0: number; x1: number; y1: number },
  structure: SceneStructure | null,
): number {
  const zoomWidth = Math.sqrt(Math.min(2, Math.max(0.5, k))) / k;
  // Rasterising a line costs far more than recording it: past the budget the weakest ties are left
  // out (person-to-person ties first, then the owner's halo), which a zoomed-out map cannot show anyway.
  // A sketch keeps its choice while only the positions move (the layout), instead of sorting every
  // tie again each frame.
  // In the overview only the people on top have ties drawn (the rest are bundles between bubbles).
  const drawable = structure
    ? (i: number) => structure.prominent[i] === 1 && isOnMap(scene, i) && !isHidden(scene, i)
    : (i: number) => isOnMap(scene, i) && !isHidden(scene, i);
  const budget = structure
    ? Math.max(0, (structure.open.size > 0 ? MAX_DRAWN_TIES : OVERVIEW_TIES) - structure.bundles.length)
    : MAX_DRAWN_TIES;
  const { ties, groups } = scene.preview
    ? chooseTiesOnce(scene, Math.min(PREVIEW_TIES, budget), drawable)
    : chooseTies(scene, scene.moving ? Math.min(MOVING_TIES, budget) : budget, world, drawable);
  // Lines up to a pixel wide are drawn as hairlines, far faster than wider strokes.
  const sketch = scene.preview || scene.moving;
  const maxWidth = sketch ? 1 / k : Infinity;
  ctx.lineCap = 'butt';
  ctx.strokeStyle = scene.theme.tie;
  // A dense map fades its ties, so that the people and their groups stay readable.
  const density = Math.min(1, Math.max(0.3, Math.sqrt(DENSE_TIES / Math.max(1, ties.length))));
  // Weakest first, so the strong ties are drawn on top.
  for (const { owner, strength, from, to } of groups) {
    // The owner is tied to everyone: those ties are a faint halo, the ties between people carry the structure.
    ctx.globalAlpha = tieAlpha(strength) * (owner ? 0.35 : 1) * density;
    ctx.lineWidth = Math.min(maxWidth, tieWidth(strength) * zoomWidth * (owner ? 0.6 : 1));
    if (sketch) strokeHairlines(ctx, scene, ties, from, to, owner);
    else strokeOneByOne(ctx, scene, ties, from, to, owner);
  }
  ctx.globalAlpha = 1;
  return ties.length;
}

/** A tie inside a group takes the group's colour, so the groups stand out from the ties between them. */
function tieColour(scene: NetworkScene, a: number, c: number, owner: boolean): string {
  const slot = scene.colourSlot[a] as number;
  return !owner && slot === scene.colourSlot[c] ? (scene.colours[slot] ?? scene.theme.tie) : scene.theme.tie;
}

/** Each tie of ties[from..to) with its two ends (node indexes) and its colour. */
function forEachTie(
  scene: NetworkScene,
  ties: Int32Array,
  from: number,
  to: number,
  owner: boolean,
  visit: (a: number, c: number, colour: string) => void,
) {
  for (let j = from; j < to; j++) {
    const t = ties[j] as number;
    const a = scene.tieSource[t] as number;
    const c = scene.tieTarget[t] as number;
    visit(a, c, tieColour(scene, a, c, owner));
  }
}

/** The line between nodes a and c, added to a path. */
function segment(path: CanvasPath, positions: Float32Array, a: number, c: number) {
  path.moveTo(positions[a * 2] as number, positions[a * 2 + 1] as number);
  path.lineTo(positions[c * 2] as number, positions[c * 2 + 1] as number);
}

/**
 * One path per line: a path of thousands of crossing wide lines makes the rasteriser resolve every
 * crossing (several times slower in software rendering).
 */
function strokeOneByOne(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  ties: Int32Array,
  from: number,
  to: number,
  owner: boolean,
) {
  let current = '';
  forEachTie(scene, ties, from, to, owner, (a, c, colour) => {
    if (colour !== current) {
      current = colour;
      ctx.strokeStyle = colour;
    }
    ctx.beginPath();
    segment(ctx, scene.positions, a, c);
    ctx.stroke();
  });
}

/** Paths by colour for strokeHairlines, kept between frames so a frame allocates only the paths. */
const hairlinePaths = new Map<string, Path2D>();

/**
 * Hairlines are drawn line by line without filling a path, so crossings cost nothing: one path
 * and one stroke call per colour instead of one per tie.
 */
function strokeHairlines(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  ties: Int32Array,
  from: number,
  to: number,
  owner: boolean,
) {
  hairlinePaths.clear();
  forEachTie(scene, ties, from, to, owner, (a, c, colour) => {
    let path = hairlinePaths.get(colour);
    if (!path) {
      path = new Path2D();
      hairlinePaths.set(colour, path);
    }
    segment(path, scene.positions, a, c);
  });
  for (const [colour, path] of hairlinePaths) {
    ctx.strokeStyle = colour;
    ctx.stroke(path);
  }
  hairlinePaths.clear();
}

function drawNodes(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  k: number,
  structure: SceneStructure | null,
): { people: number; specks: number } {
  let drawn = 0;
  const p = scene.positions;
  const n = scene.appears.length;
  const batches: number[][] = scene.colours.map(() => []);
  const specks: number[][] = scene.colours.map(() => []);
  const faint: number[] = [];
  let speckCount = 0;
  for (let i = 1; i < n; i++) {
    if (!isOnMap(scene, i)) continue;
    if (isHidden(scene, i)) {
      // In the overview the filtered-out people are left to their bubbles, not drawn.
      if (structure) continue;
      faint.push(i);
    } else if (structure && structure.prominent[i] !== 1) {
      specks[scene.colourSlot[i] as number]?.push(i);
      speckCount++;
      continue;
    } else batches[scene.colourSlot[i] as number]?.push(i);
    drawn++;
  }
  // Specks: a pixel and a half square each, faint, so a bubble shows how its people spread.
  const speck = 1.5 / k;
  ctx.globalAlpha = 0.35;
  specks.forEach((list, slot) => {
    if (!list.length) return;
    ctx.fillStyle = scene.colours[slot] as string;
    ctx.beginPath();
    for (const i of list)
      ctx.rect((p[i * 2] as number) - speck / 2, (p[i * 2 + 1] as number) - speck / 2, speck, speck);
    ctx.fill();
  });
  ctx.globalAlpha = 1;
  const disc = (i: number) => {
    const x = p[i * 2] as number;
    const y = p[i * 2 + 1] as number;
    const r = drawnRadius(scene, i, k);
    // A speck of two pixels looks the same as a square and rasterises far faster than a circle.
    if (r * k < SPECK || scene.preview || scene.moving) {
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    }
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  };
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = scene.theme.background;
  if (faint.length) {
    ctx.globalAlpha = 0.18;
    ctx.fillStyle = scene.theme.muted;
    ctx.beginPath();
    faint.forEach(disc);
    ctx.fill();
    ctx.globalAlpha = 1;
  }
  batches.forEach((list, slot) => {
    if (!list.length) return;
    ctx.fillStyle = scene.colours[slot] as string;
    ctx.beginPath();
    list.forEach(disc);
    ctx.fill();
    if (k > 0.35 && !scene.preview && !scene.moving) ctx.stroke();
  });
  if (isOnMap(scene, 0)) {
    ctx.fillStyle = scene.theme.accent;
    ctx.beginPath();
    disc(0);
    ctx.fill();
    ctx.lineWidth = 3 / k;
    ctx.stroke();
    drawn++;
  }
  return { people: drawn, specks: speckCount };
}

function drawHighlights(ctx: CanvasRenderingContext2D, scene: NetworkScene, k: number) {
  const p = scene.positions;
  const ring = (i: number, colour: string, gap: number, width: number) => {
    if (i < 0 || !isOnMap(scene, i)) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width / k;
    ctx.beginPath();
    ctx.arc(p[i * 2] as number, p[i * 2 + 1] as number, drawnRadius(scene, i, k) + gap / k, 0, 2 * Math.PI);
    ctx.stroke();
  };
  if (scene.path.length > 1) {
    ctx.strokeStyle = scene.theme.accent;
    ctx.lineWidth = 4 / k;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    scene.path.forEach((i, step) => {
      const x = p[i * 2] as number;
      const y = p[i * 2 + 1] as number;
      if (step === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    scene.path.forEach((i) => ring(i, scene.theme.accent, 2.5, 2.5));
  }
  ring(scene.focus, scene.theme.accent, 4, 3);
  if (scene.hover !== scene.focus) ring(scene.hover, scene.theme.text, 3, 2);
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  view: Viewport,
  structure: SceneStructure | null,
  taken: readonly Box[],
): number {
  const { k } = view;
  ctx.font = LABEL_FONT;
  const measure = (name: string) => {
    let w = textWidths.get(name);
    if (w === undefined) {
      w = ctx.measureText(name).width;
      textWidths.set(name, w);
    }
    return w;
  };
  const toScreen = (i: number): LabelCandidate => {
    const name = scene.names[i] ?? '';
    return {
      index: i,
      x: (scene.positions[i * 2] as number) * k + view.x,
      y: (scene.positions[i * 2 + 1] as number) * k + view.y,
      r: drawnRadius(scene, i, k) * k,
      width: measure(name) + 2,
      height: LABEL_HEIGHT,
    };
  };
  const first = [scene.focus, scene.hover, ...scene.path, 0].filter((i) => i >= 0 && isOnMap(scene, i));
  const onScreen: number[] = [];
  const obstacles: Box[] = [...taken];
  for (let i = 0; i < scene.appears.length; i++) {
    if (!isOnMap(scene, i) || isHidden(scene, i)) continue;
    if (structure && structure.prominent[i] !== 1) continue;
    const x = (scene.positions[i * 2] as number) * k + view.x;
    const y = (scene.positions[i * 2 + 1] as number) * k + view.y;
    if (x < 0 || y < 0 || x > view.width || y > view.height) continue;
    if (i > 0) onScreen.push(i);
    // Labels keep off the nodes big enough to see; specks may be covered, or a dense map gets none.
    const r = drawnRadius(scene, i, k) * k;
    if (r >= OBSTACLE_RADIUS) obstacles.push({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  }
  // Label priority follows strength. At the default zoom only the closest people are named; zoomed
  // in, or inside an open community, anyone on screen may be.
  const zoomedIn = (view.detail ?? 1) >= ZOOMED_IN;
  const closest = structure ? structure.closest : closestSet(scene);
  const isClosest = new Uint8Array(scene.appears.length);
  for (const i of closest) isClosest[i] = 1;
  const allowed = (i: number) =>
    zoomedIn ||
    isClosest[i] === 1 ||
    (structure !== null && structure.open.has(scene.communityOf?.[i] ?? -1));
  const order = labelOrder(first, onScreen, scene.nodeStrength, allowed);
  const max = Math.min(
    LABEL_BUDGET - taken.length,
    Math.max(8, Math.round((view.width * view.height) / 5000)),
  );
  // On a dense map most candidates find no free spot; past a few per label the rest are weak ties
  // whose labels would rarely fit, and trying them all took tens of milliseconds per frame.
  const tries = max * LABEL_TRIES;
  function* candidates(): Generator<LabelCandidate> {
    for (let j = 0; j < order.length && j < tries; j++) yield toScreen(order[j] as number);
  }
  const placed = placeLabels(candidates(), { width: view.width, height: view.height, max, obstacles });
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = scene.theme.background;
  ctx.fillStyle = scene.theme.text;
  for (const label of placed) {
    const name = scene.names[label.index] ?? '';
    const y = label.y + label.height / 2;
    ctx.strokeText(name, label.x + 1, y);
    ctx.fillText(name, label.x + 1, y);
  }
  return placed.length;
}

let closestKept: { key: unknown[]; result: Int32Array } | null = null;

/** The closest people on the map at the scene's date (kept while what they depend on stays the same). */
function closestSet(scene: NetworkScene): Int32Array {
  const key = [scene.nodeStrength, scene.day, scene.hidden, scene.minStrength, scene.appears];
  if (closestKept && closestKept.key.every((k, i) => Object.is(k, key[i]))) return closestKept.result;
  const result = closestPeople(
    scene.nodeStrength,
    (i) => isOnMap(scene, i) && !isHidden(scene, i),
    CLOSEST_PEOPLE,
  );
  closestKept = { key, result };
  return result;
}
