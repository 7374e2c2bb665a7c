import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../../app/paths';
import { useEncounters } from '../../../db';
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
  const model = useNetworkAnalysis();
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
  if (model.empty) return null;
  const day = model.analysedDay ?? model.day;

  return (
    <div className="net-panels">
      <ReachPanel />
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
            <DunbarRings
              layers={model.layers}
              nameOf={nameOf}
              contextOf={contextOf}
              day={model.analysedDay}
              onOpen={openPerson}
              level={3}
            />
          )}
        </div>
        {encounters && model.ownerId && (
          <>
            <div className="card">
              <CompositionChart encounters={encounters} ownerId={model.ownerId} last={day} level={3} />
            </div>
            <div className="card">
              <ActivityHeatmap encounters={encounters} last={day} level={3} />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
