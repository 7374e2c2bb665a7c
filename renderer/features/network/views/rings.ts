import { scaleLinear } from 'd3-scale';
import type { DunbarLayer } from '../../../../shared/network';

/** What each of Dunbar's layers is called, and the contact it takes to stay in it. */
const LAYER_WORDS: Record<number, { name: string; contact: string }> = {
  5: { name: 'Support clique', contact: 'about weekly contact' },
  15: { name: 'Sympathy group', contact: 'about monthly contact' },
  50: { name: 'Close friends', contact: 'contact every six months or so' },
  150: { name: 'Friends', contact: 'about yearly contact' },
  500: { name: 'Acquaintances', contact: 'occasional contact' },
};

export function layerName(size: number): string {
  return LAYER_WORDS[size]?.name ?? `Up to ${size}`;
}

export function layerContact(size: number): string {
  return LAYER_WORDS[size]?.contact ?? '';
}

export interface RingBand {
  size: number;
  name: string;
  inner: number;
  outer: number;
  count: number;
}

export interface RingDot {
  personId: string;
  strength: number;
  /** Index of the ring (0 = innermost). */
  ring: number;
  x: number;
  y: number;
}

export interface RingLayout {
  bands: RingBand[];
  dots: RingDot[];
}

/**
 * Places each layer's people on their ring around the owner at the centre (0, 0). Rings have equal
 * widths; inside a ring people go round clockwise from twelve o'clock, strongest first, in as many
 * circles within the band as it takes to keep `spacing` between neighbours, so even the 350 people
 * of the outer ring do not sit on each other.
 */
export function ringLayout(
  layers: readonly DunbarLayer[],
  options: { radius: number; centre: number; spacing: number },
): RingLayout {
  const band = scaleLinear().domain([0, layers.length]).range([options.centre, options.radius]);
  const bands: RingBand[] = [];
  const dots: RingDot[] = [];
  layers.forEach((layer, ring) => {
    const inner = band(ring);
    const outer = band(ring + 1);
    bands.push({ size: layer.size, name: layerName(layer.size), inner, outer, count: layer.people.length });
    const n = layer.people.length;
    if (n === 0) return;
    const mid = (inner + outer) / 2;
    const maxRows = Math.max(1, Math.floor((outer - inner) / options.spacing));
    const rows = Math.min(maxRows, Math.max(1, Math.ceil((n * options.spacing) / (2 * Math.PI * mid))));
    const rowRadius = (row: number) => (rows === 1 ? mid : inner + ((outer - inner) * (row + 0.5)) / rows);
    layer.people.forEach((p, k) => {
      const row = k % rows;
      const angle = (2 * Math.PI * k) / n - Math.PI / 2;
      const r = rowRadius(row);
      dots.push({
        personId: p.personId,
        strength: p.strength,
        ring,
        x: r * Math.cos(angle),
        y: r * Math.sin(angle),
      });
    });
  });
  return { bands, dots };
}
