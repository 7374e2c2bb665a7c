/**
 * Names for the clusters Louvain finds on the map. A cluster is a grouping found from who meets
 * whom, not a community anyone joined, so it is named after a journal community only when its
 * members really share it: each community named is shared by at least `share` of the members (the
 * clusterNameShare setting). A cluster whose members share none is named after its best-known
 * people, the owner's strongest ties in it ("Ana Ruiz, Ben Okafor & 12 others"). Never "Group 9".
 */

export interface ClusterMember {
  name: string;
  /** Strength of the owner's tie with them: the best-known people are the strongest. */
  strength: number;
  /** The journal communities they belong to (see membershipsAt). */
  communityIds: readonly string[];
}

export interface ClusterName {
  label: string;
  /** The journal communities the label names (empty when it names people). */
  communityIds: string[];
}

/** At most this many communities in a name: a longer list says nothing about the cluster. */
export const MAX_NAMED_COMMUNITIES = 3;
/** People named in a name made of people. */
const NAMED_PEOPLE = 2;

/**
 * The name of one cluster. `communityName` gives a journal community's name (undefined for one
 * that no longer exists, which is then never named).
 */
export function clusterName(
  members: readonly ClusterMember[],
  communityName: (id: string) => string | undefined,
  share: number,
): ClusterName {
  const shared = sharedCommunities(members, communityName, share);
  if (shared.length > 0) {
    return {
      label: shared.map((id) => communityName(id) as string).join(' + '),
      communityIds: shared,
    };
  }
  return { label: bestKnown(members), communityIds: [] };
}

/**
 * Names for every cluster of the map. Two clusters that share the same communities (a large club
 * split in two) would read alike: each then adds its best-known people ("Food Bank: Ana Ruiz &
 * 4 others"), which tells them apart because clusters never share a member.
 */
export function clusterNames(
  clusters: readonly (readonly ClusterMember[])[],
  communityName: (id: string) => string | undefined,
  share: number,
): ClusterName[] {
  const names = clusters.map((members) => clusterName(members, communityName, share));
  const uses = new Map<string, number>();
  for (const n of names) uses.set(n.label, (uses.get(n.label) ?? 0) + 1);
  return names.map((n, i) =>
    n.communityIds.length > 0 && (uses.get(n.label) ?? 0) > 1
      ? { ...n, label: `${n.label}: ${bestKnown(clusters[i] as readonly ClusterMember[])}` }
      : n,
  );
}

/** The communities at least `share` of the members belong to, the most shared first (then by name). */
function sharedCommunities(
  members: readonly ClusterMember[],
  communityName: (id: string) => string | undefined,
  share: number,
): string[] {
  if (members.length === 0) return [];
  const counts = new Map<string, number>();
  for (const m of members) {
    for (const id of new Set(m.communityIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const needed = Math.max(1, share * members.length);
  return [...counts]
    .filter(([id, n]) => n >= needed && communityName(id) !== undefined)
    .sort(
      (a, b) =>
        b[1] - a[1] ||
        (communityName(a[0]) as string).localeCompare(communityName(b[0]) as string) ||
        (a[0] < b[0] ? -1 : 1),
    )
    .slice(0, MAX_NAMED_COMMUNITIES)
    .map(([id]) => id);
}

/** "Ana Ruiz", "Ana Ruiz & Ben Okafor", "Ana Ruiz, Ben Okafor & 12 others": strongest ties first. */
function bestKnown(members: readonly ClusterMember[]): string {
  const ranked = [...members].sort((a, b) => b.strength - a.strength || a.name.localeCompare(b.name));
  const named = ranked.slice(0, NAMED_PEOPLE).map((m) => m.name);
  const others = ranked.length - named.length;
  if (others === 0) return named.length === 2 ? `${named[0]} & ${named[1]}` : (named[0] ?? '');
  return `${named.join(', ')} & ${others} ${others === 1 ? 'other' : 'others'}`;
}
