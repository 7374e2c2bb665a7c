import { schemeTableau10 } from 'd3-scale-chromatic';
import { CONTEXT_KINDS, type ContextKind } from '../../shared/domain/kinds';

/** Community colours: Tableau 10 reads well on light and dark backgrounds and for most colour vision. */
export const COMMUNITY_COLOURS: readonly string[] = schemeTableau10;

/** People tied to nobody but the owner, and communities beyond the palette. */
export const NEUTRAL = '#9aa0a6';

export function communityColour(slot: number): string {
  return slot < 0 ? NEUTRAL : (COMMUNITY_COLOURS[slot % COMMUNITY_COLOURS.length] as string);
}

const CONTEXT_PALETTE = [...schemeTableau10, '#6b9ac4', '#c9a227', '#5fa8a0'];

export const CONTEXT_COLOURS: Record<ContextKind, string> = Object.fromEntries(
  CONTEXT_KINDS.map((kind, i) => [kind, kind === 'other' ? NEUTRAL : CONTEXT_PALETTE[i]]),
) as Record<ContextKind, string>;

/** The page's theme colours, resolved (canvas cannot read CSS variables or light-dark()). */
export interface ThemeColours {
  text: string;
  muted: string;
  background: string;
  accent: string;
  tie: string;
}

/**
 * Reads the theme through a probe element: a custom property holding light-dark() only resolves
 * once it is used in a real property, so each variable is set as the probe's colour and read back.
 */
export function readThemeColours(probe: HTMLElement): ThemeColours {
  const read = (variable: string) => {
    probe.style.color = `var(${variable})`;
    return getComputedStyle(probe).color;
  };
  return {
    text: read('--text'),
    muted: read('--text-muted'),
    background: read('--surface'),
    accent: read('--accent'),
    tie: read('--text-faint'),
  };
}
