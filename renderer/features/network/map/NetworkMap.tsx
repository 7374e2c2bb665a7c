import {
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type Ref,
} from 'react';
import { dayNumber } from '../../../../shared/network/days';
import { strengthWord } from '../../../../shared/network/explain';
import { IconButton } from '../../../ui';
import { MIN_BUBBLE_MEMBERS } from '../../../viz/legibility';
import { NetworkMapView, type SceneInput } from '../../../viz/NetworkMapView';
import { formatDayShort } from '../../encounters';
import type { NetworkModel } from '../model';
import { clusterColour } from './colouring';
import { MapLegend, type LegendEntry } from './MapLegend';

export interface MapHandle {
  focusOn(personId: string): void;
  /** Zooms to a community's bubble (the overview of a large journal). */
  focusOnCommunity(community: number): void;
}

export interface NetworkMapProps {
  model: NetworkModel;
  /** Colour slot per node and the colours the slots name. */
  colourSlot: Int32Array;
  colours: readonly string[];
  legend: readonly LegendEntry[];
  /** What the colours stand for ("Colour: community"). */
  legendTitle: string;
  hidden: Uint8Array | null;
  minStrength: number;
  /** How many people are on the map (for the canvas's accessible name). */
  peopleShown: number;
  /** Draw the structure (communities as bubbles): the default picture of a large journal. */
  overview: boolean;
  /** Community indexes opened (their people drawn in full). */
  opened: readonly number[];
  /** A community's bubble was clicked. */
  onOpenCommunity(community: number): void;
  onOpenPerson(id: string): void;
  handle?: Ref<MapHandle>;
}

const EMPTY_PATH: number[] = [];

/** The canvas, its zoom buttons, legend and hover card. React owns the element; NetworkMapView draws. */
export function NetworkMap(props: NetworkMapProps) {
  const {
    model,
    colourSlot,
    colours,
    legend,
    hidden,
    minStrength,
    peopleShown,
    overview,
    opened,
    onOpenCommunity,
    onOpenPerson,
    handle,
  } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const viewRef = useRef<NetworkMapView | null>(null);
  const tooltipId = useId();
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);

  const { nodes, structure, layout, frames, highlight, nodeIndex, clusters, setHighlight } = model;
  const names = useMemo(() => nodes.map((n) => n.name), [nodes]);
  const communityOf = useMemo(() => Int32Array.from(nodes, (n) => n.clusterIndex), [nodes]);
  const communityNames = useMemo(() => clusters.map((c) => c.label), [clusters]);
  const communityColours = useMemo(
    () => clusters.map((c) => clusterColour(c, model.journalCommunities)),
    [clusters, model.journalCommunities],
  );
  const path = useMemo(
    () => highlight.path?.map((id) => nodeIndex.get(id) ?? -1).filter((i) => i >= 0) ?? EMPTY_PATH,
    [highlight.path, nodeIndex],
  );
  const focus = highlight.focus ? (nodeIndex.get(highlight.focus) ?? -1) : -1;

  // The latest inputs, read when a frame arrives (frames do not go through React).
  const latest = useRef({
    structure,
    colourSlot,
    colours,
    hidden,
    minStrength,
    names,
    focus,
    path,
    communityOf,
    communityNames,
    communityColours,
    overview,
    opened,
  });
  const pushed = useRef<{ positions: Float32Array | null; generation: number }>({
    positions: null,
    generation: -1,
  });
  const latestIds = useRef<string[]>([]);
  const openRef = useRef(onOpenPerson);
  const openCommunityRef = useRef(onOpenCommunity);
  const clearFocusRef = useRef(() => setHighlight({ focus: null }));
  useEffect(() => {
    openRef.current = onOpenPerson;
    openCommunityRef.current = onOpenCommunity;
    clearFocusRef.current = () => setHighlight({ focus: null });
  }, [onOpenPerson, onOpenCommunity, setHighlight]);

  // Any view may ask the map to show someone (search, "How can I reach…?"): centre on them.
  useEffect(() => {
    if (focus >= 0) viewRef.current?.focusOn(focus);
  }, [focus]);

  useEffect(() => {
    latestIds.current = nodes.map((n) => n.id);
  }, [nodes]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const probe = probeRef.current;
    if (!canvas || !probe) return;
    const view = new NetworkMapView(canvas, probe, {
      onHover: (index, at) => setHover(index >= 0 && at ? { index, ...at } : null),
      onOpen: (index) => {
        const id = latestIds.current[index];
        if (id) openRef.current(id);
      },
      onBackground: () => clearFocusRef.current(),
      onOpenCommunity: (community) => openCommunityRef.current(community),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    const push = () => {
      const view = viewRef.current;
      const frame = frames.get();
      const input = latest.current;
      const s = input.structure;
      const positions = frames.positions();
      if (!view || !frame || !s || !positions || frame.generation !== s.generation) return;
      if (positions.length !== s.appears.length * 2) return;
      if (input.names.length !== s.appears.length || input.colourSlot.length !== s.appears.length) return;
      const scene: SceneInput = {
        positions,
        appears: s.appears,
        day: dayNumber(frame.day),
        tieSource: s.tieSource,
        tieTarget: s.tieTarget,
        tieIsOwner: s.tieIsOwner,
        nodeStrength: frame.nodeStrength,
        tieStrength: frame.tieStrength,
        colourSlot: input.colourSlot,
        colours: input.colours,
        hidden: input.hidden,
        minStrength: input.minStrength,
        names: input.names,
        focus: input.focus,
        path: input.path,
        // The communities describe the analysed date: drawn only while they match these nodes.
        communityOf: input.communityOf.length === s.appears.length ? input.communityOf : null,
        communityNames: input.communityNames,
        communityColours: input.communityColours,
        overview: input.overview,
        opened: input.opened,
        // Progress reaches 1 only when the layout has settled; until then frames are quick sketches.
        preview: frames.progress() < 1,
      };
      const positionsChanged = pushed.current.positions !== positions;
      const newLayout = pushed.current.generation !== s.generation;
      pushed.current = { positions, generation: s.generation };
      view.update(scene, { positionsChanged, newLayout });
    };
    latest.current = {
      structure,
      colourSlot,
      colours,
      hidden,
      minStrength,
      names,
      focus,
      path,
      communityOf,
      communityNames,
      communityColours,
      overview,
      opened,
    };
    push();
    return frames.subscribe(push);
  }, [
    frames,
    structure,
    colourSlot,
    colours,
    hidden,
    minStrength,
    names,
    focus,
    path,
    communityOf,
    communityNames,
    communityColours,
    overview,
    opened,
  ]);

  useImperativeHandle(
    handle,
    () => ({
      focusOn: (personId: string) => {
        const index = nodeIndex.get(personId);
        if (index !== undefined) viewRef.current?.focusOn(index);
      },
      focusOnCommunity: (community: number) => viewRef.current?.focusOnCommunity(community),
    }),
    [nodeIndex],
  );

  const hovered = hover ? nodes[hover.index] : undefined;
  const hoverStrength = hover ? (frames.get()?.nodeStrength[hover.index] ?? hovered?.strength ?? 0) : 0;
  const memberOf = hovered ? hovered.communities.map((c) => model.journalCommunities[c]?.name ?? '') : [];
  const cluster = hovered && hovered.clusterIndex >= 0 ? clusters[hovered.clusterIndex] : undefined;

  return (
    <>
      <div className="network-map">
        <span ref={probeRef} className="network-map__probe" aria-hidden="true" />
        <canvas
          ref={canvasRef}
          className="network-map__canvas"
          role="img"
          aria-label={`Network map, ${peopleShown} ${peopleShown === 1 ? 'person' : 'people'}${
            overview ? ` in ${clusters.filter((c) => c.size >= MIN_BUBBLE_MEMBERS).length} clusters` : ''
          }`}
          aria-describedby={hovered ? tooltipId : undefined}
          aria-keyshortcuts="+ - 0 ArrowUp ArrowDown ArrowLeft ArrowRight"
          tabIndex={0}
        >
          Your network: {peopleShown} people. The table “People on the map” lists them with their strength.
        </canvas>
        <div className="network-map__zoom">
          <IconButton
            label="Zoom in"
            icon={<span aria-hidden="true">+</span>}
            onClick={() => viewRef.current?.zoomBy(1.5)}
          />
          <IconButton
            label="Zoom out"
            icon={<span aria-hidden="true">−</span>}
            onClick={() => viewRef.current?.zoomBy(1 / 1.5)}
          />
          <IconButton label="Fit the map" icon={<FitIcon />} onClick={() => viewRef.current?.fit()} />
        </div>
        {layout.status === 'running' && <LayoutProgress frames={frames} />}
        {hovered && hover && (
          <div
            id={tooltipId}
            role="tooltip"
            className="network-map__card"
            style={{ left: hover.x + 14, top: hover.y + 14 }}
          >
            <strong className="network-map__card-name">{hovered.name}</strong>
            {hovered.isOwner ? (
              <span>You</span>
            ) : (
              <>
                <span>
                  {strengthWord(hoverStrength)} tie · {Math.round(hoverStrength * 100)}%
                </span>
                <span className="muted">
                  {hovered.lastContact
                    ? `Last contact ${formatDayShort(hovered.lastContact)}`
                    : 'No contact yet'}
                </span>
                <span className="muted">
                  {memberOf.length > 0 ? `Community: ${memberOf[0]}` : 'No community'}
                  {memberOf.length > 1 && ` (also ${memberOf.slice(1).join(', ')})`}
                </span>
                {cluster && <span className="muted">Cluster: {cluster.label}</span>}
              </>
            )}
          </div>
        )}
      </div>
      <MapLegend title={props.legendTitle} entries={legend} clusters={clusters} />
    </>
  );
}

/** Subscribes on its own, so only this line re-renders as the layout progresses. */
function LayoutProgress({ frames }: { frames: NetworkModel['frames'] }) {
  const progress = useSyncExternalStore(frames.subscribe, frames.progress);
  return (
    <p className="network-map__status" role="status">
      Laying out your network… {Math.round(progress * 100)}%
    </p>
  );
}

function FitIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
    </svg>
  );
}
