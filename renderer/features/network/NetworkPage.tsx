import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../app/paths';
import { useCommunities } from '../../db';
import { Button, CommunityIcon, count, EmptyState, ViewBoundary } from '../../ui';
import { showsStructure } from '../../viz/legibility';
import { formatDayShort, useEncounterDialogs } from '../encounters';
import { useMarkedMap, WhatChangedPanel, YearReviewButton } from './changes';
import { BuildProgress, KeptPicture } from './map/BuildProgress';
import { colouring } from './map/colouring';
import { CommunityList } from './map/CommunityList';
import { hiddenMask, NO_FILTERS, type MapFilters } from './map/filters';
import { MapToolbar, type ColourBy } from './map/MapToolbar';
import { NetworkMap, type MapHandle } from './map/NetworkMap';
import { NetworkTable } from './map/NetworkTable';
import { tableRows } from './map/rows';
import { TimeBar } from './map/TimeBar';
import { usePlayback } from './map/usePlayback';
import { useNetworkAnalysis, useNetworkModel } from './model';
import { NetworkPanels } from './views';
import './map/network.css';

/** The network map page: the map at a date, the time slider, filters, and the same people as a table. */
export function NetworkPage() {
  // A new analysis (after the slider stops, or a journal edit) re-renders the map's inputs, the
  // table and the filters: 100+ ms on a heavy journal. As a deferred value React renders that in
  // slices, so the slider, the map and input are not held up; only the date follows the slider live.
  const model = useDeferredValue(useNetworkAnalysis());
  const communities = useCommunities();
  const { newEncounter } = useEncounterDialogs();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const [colourBy, setColourBy] = useState<ColourBy>('community');
  // Opened communities by name: Louvain numbers them afresh on every date, their names stay.
  const [openedNames, setOpenedNames] = useState<readonly string[]>([]);
  const mapRef = useRef<MapHandle>(null);

  const { nodes, journalCommunities, clusters, setHighlight } = model;
  const hidden = useMemo(() => hiddenMask(nodes, filters), [nodes, filters]);
  const colours = useMemo(
    () => colouring(nodes, journalCommunities, colourBy),
    [nodes, journalCommunities, colourBy],
  );
  const rows = useMemo(
    () => tableRows(nodes, journalCommunities, clusters, filters),
    [nodes, journalCommunities, clusters, filters],
  );
  const marked = useMarkedMap(nodes, colours, hidden);
  const onMap = useMemo(() => nodes.filter((n) => n.visible && !n.isOwner).length, [nodes]);
  const layerSizes = useMemo(() => model.layers.map((l) => l.size), [model.layers]);
  const overview = showsStructure(onMap);
  const opened = useMemo(
    () => clusters.filter((c) => openedNames.includes(c.label)).map((c) => c.index),
    [clusters, openedNames],
  );
  const toggleCommunity = useCallback(
    (index: number) => {
      const label = clusters[index]?.label;
      if (label === undefined) return;
      const opening = !openedNames.includes(label);
      setOpenedNames(opening ? [...openedNames, label] : openedNames.filter((n) => n !== label));
      if (opening) mapRef.current?.focusOnCommunity(index);
    },
    [clusters, openedNames],
  );
  const openCommunity = useCallback(
    (index: number) => {
      const label = clusters[index]?.label;
      if (label !== undefined && !openedNames.includes(label)) toggleCommunity(index);
    },
    [clusters, openedNames, toggleCommunity],
  );
  const openPerson = useCallback((id: string) => navigate(paths.person(id)), [navigate]);
  const find = useCallback(
    (id: string) => {
      setHighlight({ focus: id });
      mapRef.current?.focusOn(id);
    },
    [setHighlight],
  );

  if (model.status === 'error') {
    return (
      <div className="page">
        <h1 className="page__title">Network</h1>
        <p role="alert" className="network-error">
          The network could not be built: {model.error}
        </p>
      </div>
    );
  }
  if (model.status === 'ready' && model.empty) {
    return (
      <div className="page">
        <header className="page__header">
          <h1 className="page__title">Network</h1>
        </header>
        <EmptyState
          icon={<CommunityIcon />}
          title="Record encounters to see your network"
          actions={
            <Button variant="primary" onClick={() => newEncounter()}>
              Record an encounter
            </Button>
          }
        >
          <p>
            Each encounter you journal puts the people you met on the map. Ties grow stronger as you meet
            again and fade with silence; people you meet together are tied to each other, so your circles and
            the people who bridge them appear on their own.
          </p>
        </EmptyState>
      </div>
    );
  }

  // Counts are shown only once an analysis has counted them: before that they would read "0 people".
  const ready = model.status === 'ready' && model.range !== null && model.analysedDay !== null;
  const asOf = model.analysedDay ? formatDayShort(model.analysedDay) : '';
  return (
    <div className="page network-page" aria-busy={!ready || model.staleSince !== null || undefined}>
      <header className="page__header">
        <div>
          <h1 className="page__title">Network</h1>
          <p className="page__subtitle">
            {ready
              ? `${count(onMap, 'person', 'people')} · ${count(model.personTies, 'tie', 'ties')} between them · ${asOf}`
              : 'Building your network…'}
          </p>
        </div>
        <YearReviewButton model={model} />
      </header>
      {model.progress && <BuildProgress progress={model.progress} />}
      {model.staleSince !== null && <KeptPicture since={model.staleSince} />}
      <MapToolbar
        nodes={nodes}
        communities={communities ?? []}
        filters={filters}
        onFilters={setFilters}
        colourBy={colourBy}
        onColourBy={setColourBy}
        onFind={find}
      />
      {/* The map, the table and the panels each stand alone: one failing leaves the others. */}
      <section className="network-stage" aria-label="Map">
        <ViewBoundary what="the map" resetKeys={[model]}>
          <NetworkMap
            model={model}
            colourSlot={marked.colours.colourSlot}
            colours={marked.colours.colours}
            legend={marked.colours.legend}
            legendTitle={marked.colours.title}
            hidden={marked.hidden}
            minStrength={filters.minStrength}
            peopleShown={onMap}
            overview={overview}
            opened={opened}
            onOpenCommunity={openCommunity}
            onOpenPerson={openPerson}
            handle={mapRef}
          />
        </ViewBoundary>
        {overview && (
          <ViewBoundary what="the list of communities" resetKeys={[clusters]}>
            <CommunityList
              communities={clusters}
              journalCommunities={model.journalCommunities}
              opened={opened}
              onToggle={toggleCommunity}
            />
          </ViewBoundary>
        )}
        <ViewBoundary what="the date slider" resetKeys={[model.range]}>
          <LiveTimeBar />
        </ViewBoundary>
      </section>
      <ViewBoundary what="what changed">
        <WhatChangedPanel model={model} onMarks={marked.setMarks} />
      </ViewBoundary>
      <section className="network-section" aria-labelledby="network-table-heading">
        <h2 id="network-table-heading" className="network-section__title">
          People on the map
        </h2>
        <ViewBoundary what="the people on the map" resetKeys={[rows]}>
          <NetworkTable
            rows={rows}
            layerSizes={layerSizes}
            caption={`${count(rows.length, 'person', 'people')} on ${asOf}`}
          />
        </ViewBoundary>
      </section>
      <ViewBoundary what="the shape of your network" resetKeys={[model]}>
        <NetworkPanels />
      </ViewBoundary>
    </div>
  );
}

/**
 * The slider and Play, the only part of the page that follows the date at every step: the page
 * itself re-renders only with a new analysis, so a step of the slider costs a small render.
 */
function LiveTimeBar() {
  const live = useNetworkModel();
  const playback = usePlayback(live.range, live.day, live.setDay);
  if (!live.range) return null;
  return (
    <TimeBar
      range={live.range}
      day={live.day}
      onDay={live.setDay}
      playing={playback.playing}
      onTogglePlay={playback.toggle}
      onUserMove={playback.stop}
    />
  );
}
