export interface LegendEntry {
  label: string;
  colour: string;
}

const MAX_ENTRIES = 12;

/** What the colours mean; the largest groups first, the rest summed up. */
export function MapLegend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null;
  const shown = entries.slice(0, MAX_ENTRIES);
  const more = entries.length - shown.length;
  return (
    <ul className="network-legend" aria-label="Legend">
      {shown.map((e) => (
        <li key={e.label} className="network-legend__item">
          <span className="network-legend__swatch" style={{ backgroundColor: e.colour }} aria-hidden="true" />
          {e.label}
        </li>
      ))}
      {more > 0 && <li className="network-legend__item muted">and {more} more</li>}
    </ul>
  );
}
