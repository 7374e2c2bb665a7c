import { count } from '../../../ui';
import { MIN_BUBBLE_MEMBERS } from '../../../viz/legibility';
import type { ClusterView, JournalCommunityView } from '../model';
import { clusterColour } from './colouring';

export interface CommunityListProps {
  communities: readonly ClusterView[];
  /** The journal's communities, whose colours clusters named after them take. */
  journalCommunities: readonly JournalCommunityView[];
  /** Community indexes whose people are drawn in full. */
  opened: readonly number[];
  onToggle(community: number): void;
}

/**
 * The communities drawn as bubbles, each a toggle that opens its people on the map (and zooms to
 * it): the keyboard's way to do what a click on a bubble does.
 */
export function CommunityList({ communities, journalCommunities, opened, onToggle }: CommunityListProps) {
  const shown = communities.filter((c) => c.size >= MIN_BUBBLE_MEMBERS);
  if (shown.length === 0) return null;
  return (
    <nav className="network-communities" aria-label="Clusters on the map">
      <p className="network-communities__hint muted">
        Each bubble is a cluster of people who meet each other, sized by its people. Open one to see its
        people and ties, or zoom in.
      </p>
      <ul className="network-communities__list">
        {shown.map((c) => {
          const open = opened.includes(c.index);
          return (
            <li key={c.index}>
              <button
                type="button"
                className="network-communities__button"
                aria-pressed={open}
                onClick={() => onToggle(c.index)}
              >
                <span
                  className="network-legend__swatch"
                  style={{ backgroundColor: clusterColour(c, journalCommunities) }}
                  aria-hidden="true"
                />
                {c.label}, {count(c.size, 'person', 'people')}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
