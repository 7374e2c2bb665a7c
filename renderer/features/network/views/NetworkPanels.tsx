import { useCallback, useDeferredValue } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../../app/paths';
import { useEncounters } from '../../../db';
import { ViewBoundary } from '../../../ui';
import { useNetworkAnalysis } from '../model';
import { ActivityHeatmap } from './ActivityHeatmap';
import { dayLabel } from './calendar';
import { CompositionChart } from './CompositionChart';
import { DunbarRings } from './DunbarRings';
import { ReachPanel } from './ReachPanel';
import './views.css';

/**
 * What the network page shows under the map: "How can I reach…?" and the shape of the network on
 * the date chosen with the map's slider (Dunbar rings, composition over time, activity).
 */
export function NetworkPanels() {
  // Deferred: a new analysis re-renders the panels in interruptible slices, not in the slider's task.
  const model = useDeferredValue(useNetworkAnalysis());
  const encounters = useEncounters();
  const [, navigate] = useLocation();
  const { nodes, nodeIndex } = model;
  const nameOf = useCallback(
    (id: string) => nodes[nodeIndex.get(id) ?? -1]?.name ?? 'someone no longer in your journal',
    [nodes, nodeIndex],
  );
  const contextOf = useCallback(
    (id: string) => {
      const node = nodes[nodeIndex.get(id) ?? -1];
      return node && node.encounterCount > 0 ? node.mainContext : undefined;
    },
    [nodes, nodeIndex],
  );
  const openPerson = useCallback((id: string) => navigate(paths.person(id)), [navigate]);
  const day = model.analysedDay ?? model.day;
  // The charts scan the whole journal: on a heavy one that is tens of milliseconds per date. React
  // renders them in a later, interruptible pass (first appearance included), so the commit that brings
  // an analysis, or a slider step, is not held up by them.
  const charts = useDeferredValue(
    encounters && model.ownerId ? { encounters, ownerId: model.ownerId, day } : null,
    null,
  );
  if (model.empty) return null;

  return (
    <div className="net-panels">
      <ViewBoundary what="how to reach someone">
        <ReachPanel />
      </ViewBoundary>
      <section className="net-panels" aria-labelledby="network-shape">
        <h2 id="network-shape" className="net-view__title">
          Shape of your network <span className="muted">on {dayLabel(day)}</span>
        </h2>
        <div className="card">
          {model.analysedDay === null ? (
            <p className="muted" aria-busy="true">
              Working out your ties…
            </p>
          ) : (
            <ViewBoundary what="the Dunbar rings" resetKeys={[model.layers]}>
              <DunbarRings
                layers={model.layers}
                nameOf={nameOf}
                contextOf={contextOf}
                day={model.analysedDay}
                onOpen={openPerson}
                level={3}
              />
            </ViewBoundary>
          )}
        </div>
        {charts && (
          <>
            <div className="card">
              <ViewBoundary what="who your network is made of" resetKeys={[charts]}>
                <CompositionChart
                  encounters={charts.encounters}
                  ownerId={charts.ownerId}
                  last={charts.day}
                  level={3}
                />
              </ViewBoundary>
            </div>
            <div className="card">
              <ViewBoundary what="the heatmap of your encounters" resetKeys={[charts]}>
                <ActivityHeatmap encounters={charts.encounters} last={charts.day} level={3} />
              </ViewBoundary>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
