import { describe, expect, it } from 'vitest';
import { clusterName, clusterNames, type ClusterMember } from './clusterNames';
import { DEFAULT_STRENGTH_SETTINGS } from './settings';

const NAMES: Record<string, string> = {
  runners: 'Riverside Runners',
  food: 'Food Bank',
  parish: "St Mary's parish",
  list: 'Users list',
};
const nameOf = (id: string) => NAMES[id];
const SHARE = DEFAULT_STRENGTH_SETTINGS.clusterNameShare;

const member = (name: string, communityIds: string[], strength = 0.5): ClusterMember => ({
  name,
  strength,
  communityIds,
});

/** n members who belong to `communityIds`, named after `prefix`. */
const many = (n: number, prefix: string, communityIds: string[], strength = 0.1) =>
  Array.from({ length: n }, (_, i) => member(`${prefix} ${i + 1}`, communityIds, strength));

describe('naming a cluster', () => {
  it('the share needed is a named setting, a half by default', () => {
    expect(SHARE).toBe(0.5);
  });

  it('names the communities its members share, the most shared first', () => {
    const members = [...many(6, 'Both', ['runners', 'food']), ...many(2, 'Runner', ['runners'])];
    expect(clusterName(members, nameOf, SHARE)).toEqual({
      label: 'Riverside Runners + Food Bank',
      communityIds: ['runners', 'food'],
    });
  });

  it('lists only communities at least the setting share of members belong to', () => {
    // 4 of 10 are parishioners: 40%, under a half.
    const members = [...many(6, 'Runner', ['runners']), ...many(4, 'Parishioner', ['parish'])];
    const name = clusterName(members, nameOf, SHARE);
    expect(name.communityIds).toEqual(['runners']);
    expect(name.label).toBe('Riverside Runners');
    // With the setting at 0.4 the parish is shared enough.
    expect(clusterName(members, nameOf, 0.4).label).toBe("Riverside Runners + St Mary's parish");
    // With the setting at 0.7 neither is.
    expect(clusterName(members, nameOf, 0.7).communityIds).toEqual([]);
  });

  it('names a cluster whose members share no community after its best-known people, never "Group N"', () => {
    const members = [
      member('Cy Lee', ['runners'], 0.2),
      member('Ben Okafor', ['food'], 0.8),
      member('Ana Ruiz', [], 0.9),
      // Two of them on a list: 2 of 15 share nothing worth naming.
      ...many(2, 'Reader', ['list'], 0.05),
      ...many(10, 'Someone', [], 0.05),
    ];
    const name = clusterName(members, nameOf, SHARE);
    expect(name).toEqual({ label: 'Ana Ruiz, Ben Okafor & 13 others', communityIds: [] });
    expect(clusterName([member('Ana Ruiz', []), member('Ben Okafor', [], 0.4)], nameOf, SHARE).label).toBe(
      'Ana Ruiz & Ben Okafor',
    );
    expect(
      clusterName([member('Ana', []), member('Ben', [], 0.4), member('Cy', [], 0.3)], nameOf, SHARE).label,
    ).toBe('Ana, Ben & 1 other');
  });

  it('never names a community that is not in the journal any more', () => {
    expect(clusterName(many(3, 'Gone', ['deleted']), nameOf, SHARE).communityIds).toEqual([]);
  });

  it('tells apart two clusters that share the same community by their best-known people', () => {
    const names = clusterNames(
      [
        [member('Ana', ['food'], 0.9), member('Ben', ['food'])],
        [member('Dee', ['food'], 0.7), member('Eli', ['food']), member('Fay', ['food'])],
        [member('Gus', ['runners'])],
      ],
      nameOf,
      SHARE,
    );
    expect(names.map((n) => n.label)).toEqual([
      'Food Bank: Ana & Ben',
      'Food Bank: Dee, Eli & 1 other',
      'Riverside Runners',
    ]);
    for (const n of names) expect(n.label).not.toMatch(/Group \d/);
  });
});
