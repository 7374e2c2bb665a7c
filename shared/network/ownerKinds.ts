import type { Tie } from '../domain/entities';
import type { TieKind } from '../domain/kinds';
import type { StrengthSettings } from './settings';

/**
 * The kind of the owner's tie with each person: the Tie documents between the owner and them (the
 * owner marks a person as family, a friend… on their page). When two devices marked the same
 * person differently before syncing, the most lasting kind counts (a half-life of 0 is lasting),
 * so a sync never makes someone the owner called family fade.
 */
export function ownerTieKinds(
  ties: readonly Tie[],
  ownerId: string,
  settings: StrengthSettings,
): Map<string, TieKind> {
  const kinds = new Map<string, TieKind>();
  for (const t of ties) {
    if (t.aId === t.bId || (t.aId !== ownerId && t.bId !== ownerId)) continue;
    const other = t.aId === ownerId ? t.bId : t.aId;
    const had = kinds.get(other);
    if (had === undefined || lasts(t.kind, settings) > lasts(had, settings)) kinds.set(other, t.kind);
  }
  return kinds;
}

function lasts(kind: TieKind, settings: StrengthSettings): number {
  const h = settings.silenceHalfLifeDays[kind];
  return h === 0 ? Infinity : h;
}
