import { placeLabels, type Box, type LabelCandidate } from './labels';
import { chooseTies, chooseTiesOnce } from './tieChoice';
import type { ThemeColours } from './palette';
import { nodeRadius, OWNER_RADIUS, tieAlpha, tieWidth } from './scales';

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
   * A quick sketch while the layout still moves everyone: fewer and thinner ties, no outlines, no
   * labels. Rasterising the full picture takes 50-100 ms on a heavy journal (software rendering),
   * too long for frames that are replaced a tenth of a second later.
   */
  preview?: boolean;
  /**
   * The date is moving (scrubbing, playing): frames come fast, so they are sketches like `preview`
   * (the strongest few hundred ties as hairlines, nodes as squares, no outlines or labels).
   */
  moving?: boolean;
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
}

export interface Viewport {
  width: number;
  height: number;
  dpr: number;
  /** d3-zoom transform: screen = world * k + (x, y). */
  k: number;
  x: number;
  y: number;
}

const MAX_DRAWN_TIES = 3000;
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
  const ties = drawTies(ctx, scene, k, world);
  const people = drawNodes(ctx, scene, k);
  drawHighlights(ctx, scene, k);
  const counts = { people, ties, labels: 0, bubbles: 0, bundles: 0 };
  if (scene.preview || scene.moving) return counts;

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  counts.labels = drawLabels(ctx, scene, view);
  return counts;
}

function drawTies(
  ctx: CanvasRenderingContext2D,
  scene: NetworkScene,
  k: number,
  world: { x0: number; y0: number; x1: number; y1: number },
): number {
  const zoomWidth = Math.sqrt(Math.min(2, Math.max(0.5, k))) / k;
  // Rasterising a line costs far more than recording it: past the budget the weakest ties are left
  // out (person-to-person ties first, then the owner's halo), which a zoomed-out map cannot show anyway.
  // A sketch keeps its choice while only the positions move (the layout), instead of sorting every
  // tie again each frame.
  const drawable = (i: number) => isOnMap(scene, i) && !isHidden(scene, i);
  const { ties, groups } = scene.preview
    ? chooseTiesOnce(scene, PREVIEW_TIES, drawable)
    : chooseTies(scene, scene.moving ? MOVING_TIES : MAX_DRAWN_TIES, world, drawable);
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

function drawNodes(ctx: CanvasRenderingContext2D, scene: NetworkScene, k: number): number {
  let drawn = 0;
  const p = scene.positions;
  const n = scene.appears.length;
  const batches: number[][] = scene.colours.map(() => []);
  const faint: number[] = [];
  for (let i = 1; i < n; i++) {
    if (!isOnMap(scene, i)) continue;
    drawn++;
    if (isHidden(scene, i)) faint.push(i);
    else batches[scene.colourSlot[i] as number]?.push(i);
  }
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
  return drawn;
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

function drawLabels(ctx: CanvasRenderingContext2D, scene: NetworkScene, view: Viewport): number {
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
  const rest: number[] = [];
  const obstacles: Box[] = [];
  for (let i = 0; i < scene.appears.length; i++) {
    if (!isOnMap(scene, i) || isHidden(scene, i)) continue;
    const x = (scene.positions[i * 2] as number) * k + view.x;
    const y = (scene.positions[i * 2 + 1] as number) * k + view.y;
    if (x < 0 || y < 0 || x > view.width || y > view.height) continue;
    if (i > 0) rest.push(i);
    // Labels keep off the nodes big enough to see; specks may be covered, or a dense map gets none.
    const r = drawnRadius(scene, i, k) * k;
    if (r >= OBSTACLE_RADIUS) obstacles.push({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  }
  rest.sort((a, b) => (scene.nodeStrength[b] as number) - (scene.nodeStrength[a] as number) || a - b);
  const max = Math.max(8, Math.min(160, Math.round((view.width * view.height) / 8000)));
  // On a dense map most candidates find no free spot; past a few per label the rest are weak ties
  // whose labels would rarely fit, and trying them all took tens of milliseconds per frame.
  const tries = max * LABEL_TRIES;
  const seen = new Set<number>();
  function* candidates(): Generator<LabelCandidate> {
    for (const i of [...first, ...rest]) {
      if (seen.has(i)) continue;
      if (seen.size >= tries) return;
      seen.add(i);
      yield toScreen(i);
    }
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
