import { describe, expect, it } from 'vitest';
import { COMMUNITY_COLOURS } from '../../../viz/palette';
import type { ClusterView, JournalCommunityView } from '../model';
import { clusterColour, colouring } from './colouring';

const communities: JournalCommunityView[] = Array.from({ length: COMMUNITY_COLOURS.length + 2 }, (_, i) => ({
  index: i,
  id: `c${i}`,
  name: i === 2 ? 'Riverside Runners' : `Community ${i}`,
  members: 10,
}));

const cluster = (communityIds: string[], colour = 0): ClusterView => ({
  index: 0,
  size: 12,
  label: communityIds.length > 0 ? 'Riverside Runners' : 'Ana Ruiz, Ben Okafor & 10 others',
  communityIds,
  colour,
});

describe('a cluster’s colour', () => {
  it('is the colour its community’s people wear, whatever slot the cluster was given', () => {
    const runner = { communities: [2], visible: true, isOwner: false, mainContext: 'club' };
    const people = colouring([runner] as never, communities, 'community');
    const peopleColour = people.colours[people.colourSlot[0] as number];
    expect(clusterColour(cluster(['c2'], 7), communities)).toBe(peopleColour);
    expect(peopleColour).toBe(COMMUNITY_COLOURS[2]);
  });

  it('is the light grey of other communities when its members share none, or theirs has no colour of its own', () => {
    const grey = clusterColour(cluster([]), communities);
    expect(COMMUNITY_COLOURS).not.toContain(grey);
    expect(clusterColour(cluster([`c${COMMUNITY_COLOURS.length + 1}`]), communities)).toBe(grey);
    expect(clusterColour(cluster(['gone']), communities)).toBe(grey);
  });
});
