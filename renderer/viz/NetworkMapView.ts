import { drag } from 'd3-drag';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { drawnRadius, isHidden, isOnMap, type NetworkScene } from './drawNetwork';
import { NodeFinder } from './hitTest';
import { createMapPainter, type MapPainter } from './mapPainter';
import { readThemeColours } from './palette';
import { structureOf } from './structureScene';

export interface MapViewCallbacks {
  /** The node under the pointer changed (-1: none), with its position on the canvas. */
  onHover(index: number, at: { x: number; y: number } | null): void;
  /** A node was clicked. */
  onOpen(index: number): void;
  /** The map's empty background was clicked (not after a pan). */
  onBackground(): void;
  /** A closed community's bubble was clicked (the overview of a large journal). */
  onOpenCommunity?(community: number): void;
}

/** The scene minus what the view owns (theme, hover) — what React hands over. */
export type SceneInput = Omit<NetworkScene, 'theme' | 'hover' | 'moving'>;

/** The full picture is drawn once the date has rested this long (see `moving`). */
const REST_MS = 200;
const FOCUS_ZOOM = 2.2;

/**
 * The map on a canvas: React owns the element and hands over data; this draws it, with d3-zoom for
 * zoom and pan and d3-drag for moving people. A frame is asked for in requestAnimationFrame and only
 * when something changed; the painter draws it (on a worker where the browser allows).
 */
export class NetworkMapView {
  private scene: NetworkScene | null = null;
  private input: SceneInput | null = null;
  private positions = new Float32Array(0);
  private moved = new Map<number, [number, number]>();
  private transform: ZoomTransform = zoomIdentity;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private hover = -1;
  private finder: NodeFinder | null = null;
  private frameRequest = 0;
  /** The positions were written in place (a drag) since the last frame. */
  private positionsMoved = false;
  private readonly painter: MapPainter;
  private userMoved = false;
  /** The zoom at which everyone fits: the painter names more people once zoomed in past it. */
  private fitK = 1;
  private tween = 0;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly zoomer: ZoomBehavior<HTMLCanvasElement, unknown>;
  private readonly selection: Selection<HTMLCanvasElement, unknown, null, undefined>;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly probe: HTMLElement,
    private readonly callbacks: MapViewCallbacks,
  ) {
    this.painter = createMapPainter(canvas);
    this.selection = select(canvas);
    this.zoomer = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.02, 12])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        this.transform = event.transform;
        // Radii have a minimum size on screen, so the hit areas change with the zoom.
        this.finder = null;
        if (event.sourceEvent) this.userMoved = true;
        this.requestDraw();
      });
    const dragger = drag<HTMLCanvasElement, unknown, { index: number; x: number; y: number }>()
      .subject((event: { x: number; y: number }) => {
        const index = this.nodeAt(event.x, event.y);
        if (index <= 0) return null as unknown as { index: number; x: number; y: number };
        const [x, y] = this.transform.apply([
          this.positions[index * 2] as number,
          this.positions[index * 2 + 1] as number,
        ]);
        return { index, x, y };
      })
      .on('drag', (event: { subject: { index: number }; x: number; y: number }) => {
        const [wx, wy] = this.transform.invert([event.x, event.y]);
        const i = event.subject.index;
        this.positions[i * 2] = wx;
        this.positions[i * 2 + 1] = wy;
        this.moved.set(i, [wx, wy]);
        this.positionsMoved = true;
        this.finder = null;
        this.requestDraw();
      });
    // Drag first: when a gesture starts on a person it stops the event, so zoom does not pan.
    this.selection.call(dragger).call(this.zoomer).on('dblclick.zoom', null);

    const listen = <K extends keyof HTMLElementEventMap>(
      type: K,
      handler: (e: HTMLElementEventMap[K]) => void,
    ) => {
      canvas.addEventListener(type, handler);
      this.cleanups.push(() => canvas.removeEventListener(type, handler));
    };
    listen('pointermove', (e) => {
      this.setHover(this.nodeAt(e.offsetX, e.offsetY), e.offsetX, e.offsetY);
      // A closed bubble opens on a click: the pointer says so.
      if (this.hover < 0) canvas.style.cursor = this.bubbleAt(e.offsetX, e.offsetY) >= 0 ? 'pointer' : '';
    });
    listen('pointerleave', () => this.setHover(-1, 0, 0));
    listen('click', (e) => {
      const i = this.nodeAt(e.offsetX, e.offsetY);
      if (i >= 0) return this.callbacks.onOpen(i);
      const community = this.bubbleAt(e.offsetX, e.offsetY);
      if (community >= 0 && this.callbacks.onOpenCommunity) this.callbacks.onOpenCommunity(community);
      else this.callbacks.onBackground();
    });
    listen('keydown', (e) => this.onKey(e));

    const resize = new ResizeObserver(() => this.resize());
    resize.observe(canvas.parentElement ?? canvas);
    this.cleanups.push(() => resize.disconnect());
    const themeObserver = new MutationObserver(() => this.themeChanged());
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanups.push(() => themeObserver.disconnect());
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onScheme = () => this.themeChanged();
    scheme?.addEventListener('change', onScheme);
    this.cleanups.push(() => scheme?.removeEventListener('change', onScheme));
    this.resize();
  }

  /** New data from React. Positions are copied: dragging moves the copy, not the model. */
  update(input: SceneInput, options: { positionsChanged: boolean; newLayout: boolean }) {
    if (options.newLayout) this.moved.clear();
    // The fitted view follows new positions, and the switch between the overview and every person.
    let refit = this.input?.overview !== input.overview || this.input?.communityOf !== input.communityOf;
    if (options.positionsChanged || this.positions.length !== input.positions.length) {
      this.positions = Float32Array.from(input.positions);
      for (const [i, [x, y]] of this.moved) {
        if (i * 2 + 1 >= this.positions.length) continue;
        this.positions[i * 2] = x;
        this.positions[i * 2 + 1] = y;
      }
      refit = true;
    }
    // While the date moves (scrubbing, playing) frames follow each other closely: they are drawn
    // with fewer ties, and the full picture once the date rests.
    const dayMoved = this.input !== null && this.input.day !== input.day;
    if (dayMoved) {
      clearTimeout(this.restTimer);
      this.restTimer = setTimeout(() => {
        this.restTimer = undefined;
        if (this.scene) this.scene = { ...this.scene, moving: false };
        this.requestDraw();
      }, REST_MS);
    }
    this.input = input;
    this.scene = {
      ...input,
      moving: this.restTimer !== undefined,
      positions: this.positions,
      theme: this.scene?.theme ?? readThemeColours(this.probe),
      hover: this.hover,
    };
    if (refit && !this.userMoved) this.fit(false);
    this.finder = null;
    this.requestDraw();
  }

  /** Centres and zooms on a person. */
  focusOn(index: number) {
    if (index < 0 || index * 2 + 1 >= this.positions.length) return;
    const x = this.positions[index * 2] as number;
    const y = this.positions[index * 2 + 1] as number;
    if (Number.isNaN(x)) return;
    const k = Math.max(this.transform.k, FOCUS_ZOOM);
    this.userMoved = true;
    this.animateTo(
      zoomIdentity
        .translate(this.width / 2, this.height / 2)
        .scale(k)
        .translate(-x, -y),
    );
  }

  /** Zooms to a community's bubble (the overview), far enough that it opens. */
  focusOnCommunity(community: number) {
    if (!this.scene) return;
    const bubble = structureOf(this.scene, this.transform.k)?.bubbles.find((b) => b.community === community);
    if (!bubble || !this.width || !this.height) return;
    const k = Math.min(12, (0.42 * Math.min(this.width, this.height)) / bubble.r);
    this.userMoved = true;
    this.animateTo(
      zoomIdentity
        .translate(this.width / 2, this.height / 2)
        .scale(k)
        .translate(-bubble.x, -bubble.y),
    );
  }

  zoomBy(factor: number) {
    this.userMoved = true;
    this.selection.call(this.zoomer.scaleBy, factor);
  }

  /** Fits everyone laid out (not only who is on the map at this date, so replaying does not rescale). */
  fit(animate = true) {
    if (!this.width || !this.height) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    const take = (x: number, y: number, r = 0) => {
      if (Number.isNaN(x)) return;
      x0 = Math.min(x0, x - r);
      x1 = Math.max(x1, x + r);
      y0 = Math.min(y0, y - r);
      y1 = Math.max(y1, y + r);
    };
    // The overview fits its structure (the bubbles and the closest people), not every speck.
    const structure = this.scene ? structureOf(this.scene, this.transform.k) : null;
    if (structure && structure.bubbles.length > 0) {
      for (const b of structure.bubbles) take(b.x, b.y, b.r);
      for (const i of [0, ...structure.closest])
        take(this.positions[i * 2] as number, this.positions[i * 2 + 1] as number);
    } else {
      for (let i = 0; i * 2 < this.positions.length; i++)
        take(this.positions[i * 2] as number, this.positions[i * 2 + 1] as number);
    }
    if (!Number.isFinite(x0)) return;
    const margin = 40;
    const k = Math.min(
      4,
      (this.width - 2 * margin) / Math.max(1, x1 - x0),
      (this.height - 2 * margin) / Math.max(1, y1 - y0),
    );
    this.fitK = Math.max(0.02, k);
    const target = zoomIdentity
      .translate(this.width / 2, this.height / 2)
      .scale(Math.max(0.02, k))
      .translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    if (animate) {
      this.userMoved = false;
      this.animateTo(target);
    } else this.selection.call(this.zoomer.transform, target);
  }

  destroy() {
    clearTimeout(this.restTimer);
    cancelAnimationFrame(this.frameRequest);
    cancelAnimationFrame(this.tween);
    this.painter.destroy();
    this.selection.on('.zoom', null).on('.drag', null);
    this.cleanups.forEach((c) => c());
  }

  private animateTo(target: ZoomTransform) {
    cancelAnimationFrame(this.tween);
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      this.selection.call(this.zoomer.transform, target);
      return;
    }
    const from = this.transform;
    const started = performance.now();
    const duration = 350;
    const step = () => {
      const t = Math.min(1, (performance.now() - started) / duration);
      const e = t * (2 - t);
      const k = from.k * Math.pow(target.k / from.k, e);
      const x = from.x + (target.x - from.x) * e;
      const y = from.y + (target.y - from.y) * e;
      this.selection.call(this.zoomer.transform, zoomIdentity.translate(x, y).scale(k));
      if (t < 1) this.tween = requestAnimationFrame(step);
    };
    this.tween = requestAnimationFrame(step);
  }

  private onKey(e: KeyboardEvent) {
    const pan = (dx: number, dy: number) => {
      this.userMoved = true;
      this.selection.call(this.zoomer.translateBy, dx / this.transform.k, dy / this.transform.k);
    };
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(1.4),
      '=': () => this.zoomBy(1.4),
      '-': () => this.zoomBy(1 / 1.4),
      '0': () => this.fit(),
      ArrowLeft: () => pan(60, 0),
      ArrowRight: () => pan(-60, 0),
      ArrowUp: () => pan(0, 60),
      ArrowDown: () => pan(0, -60),
    };
    const action = actions[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  }

  private resize() {
    const box = this.canvas.getBoundingClientRect();
    this.dpr = window.devicePixelRatio || 1;
    this.width = box.width;
    this.height = box.height;
    if (!this.userMoved) this.fit(false);
    this.requestDraw();
  }

  private themeChanged() {
    if (this.scene) this.scene = { ...this.scene, theme: readThemeColours(this.probe) };
    this.requestDraw();
  }

  private setHover(index: number, x: number, y: number) {
    if (index === this.hover) return;
    this.hover = index;
    this.canvas.style.cursor = index >= 0 ? 'pointer' : '';
    if (this.scene) this.scene = { ...this.scene, hover: index };
    this.callbacks.onHover(index, index >= 0 ? { x, y } : null);
    this.requestDraw();
  }

  /** The node under a canvas point (CSS pixels), -1 if none. */
  private nodeAt(x: number, y: number): number {
    const scene = this.scene;
    if (!scene) return -1;
    const k = this.transform.k;
    if (!this.finder) {
      const radii = new Float32Array(scene.appears.length);
      for (let i = 0; i < radii.length; i++) radii[i] = drawnRadius(scene, i, k);
      // In the overview only the people drawn as discs can be pointed at; the specks belong to bubbles.
      const prominent = structureOf(scene, k)?.prominent;
      this.finder = new NodeFinder(
        this.positions,
        radii,
        (i) => isOnMap(scene, i) && !isHidden(scene, i) && (!prominent || prominent[i] === 1),
      );
    }
    const [wx, wy] = this.transform.invert([x, y]);
    return this.finder.find(wx, wy, 4 / k);
  }

  /** The smallest closed bubble under a canvas point (the overview), -1 if none. */
  private bubbleAt(x: number, y: number): number {
    if (!this.scene) return -1;
    const structure = structureOf(this.scene, this.transform.k);
    if (!structure) return -1;
    const [wx, wy] = this.transform.invert([x, y]);
    let best = -1;
    let bestR = Infinity;
    for (const b of structure.bubbles) {
      if (structure.open.has(b.community)) continue;
      if (Math.hypot(wx - b.x, wy - b.y) <= b.r && b.r < bestR) {
        best = b.community;
        bestR = b.r;
      }
    }
    return best;
  }

  private requestDraw() {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  }

  private draw() {
    if (!this.scene || !this.width) return;
    const t = this.transform;
    const view = {
      width: this.width,
      height: this.height,
      dpr: this.dpr,
      k: t.k,
      x: t.x,
      y: t.y,
      detail: t.k / this.fitK,
    };
    this.painter.paint(this.scene, view, this.positionsMoved);
    this.positionsMoved = false;
  }

  /** The scene input last handed over (tests and the hover card read strengths from it). */
  get current(): SceneInput | null {
    return this.input;
  }
}
