import type { ClusterView } from '../model';

export interface LegendEntry {
  label: string;
  colour: string;
}

const MAX_ENTRIES = 12;
const MAX_CLUSTERS = 6;

interface Props {
  /** What the colours stand for ("Colour: community"). */
  title: string;
  entries: readonly LegendEntry[];
  clusters: readonly ClusterView[];
}

/**
 * What the colours mean, and apart from them the clusters: a colour is a community people belong
 * to, a cluster is only a grouping found from who meets whom. The largest first, the rest summed up.
 */
export function MapLegend({ title, entries, clusters }: Props) {
  const groups = clusters.filter((c) => c.size >= 2);
  if (entries.length === 0 && groups.length === 0) return null;
  const shown = entries.slice(0, MAX_ENTRIES);
  const more = entries.length - shown.length;
  const shownClusters = groups.slice(0, MAX_CLUSTERS);
  const moreClusters = groups.length - shownClusters.length;
  return (
    <div className="network-legend" role="group" aria-label="Legend">
      {shown.length > 0 && (
        <div className="network-legend__row">
          <span className="network-legend__title">{title}</span>
          <ul className="network-legend__list" aria-label={title}>
            {shown.map((e) => (
              <li key={e.label} className="network-legend__item">
                <span
                  className="network-legend__swatch"
                  style={{ backgroundColor: e.colour }}
                  aria-hidden="true"
                />
                {e.label}
              </li>
            ))}
            {more > 0 && <li className="network-legend__item muted">and {more} more</li>}
          </ul>
        </div>
      )}
      {shownClusters.length > 0 && (
        <div className="network-legend__row">
          <span className="network-legend__title" title="Found from who meets whom; not a community">
            Clusters (who meets whom)
          </span>
          <ul className="network-legend__list" aria-label="Clusters: groupings found from who meets whom">
            {shownClusters.map((c) => (
              <li key={c.index} className="network-legend__item">
                {c.label} ({c.size})
              </li>
            ))}
            {moreClusters > 0 && <li className="network-legend__item muted">and {moreClusters} more</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
