import { describe, expect, it } from 'vitest';
import { placeLabels, type Box, type LabelCandidate } from './labels';

const label = (index: number, x: number, y: number, width = 40): LabelCandidate => ({
  index,
  x,
  y,
  r: 4,
  width,
  height: 12,
});

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const screen = { width: 400, height: 300, max: 100 };

describe('label placement', () => {
  it('never lets two labels overlap, however crowded the nodes', () => {
    const crowd = Array.from({ length: 200 }, (_, i) =>
      label(i, 100 + (i % 20) * 9, 100 + Math.floor(i / 20) * 7),
    );
    const placed = placeLabels(crowd, screen);
    expect(placed.length).toBeGreaterThan(3);
    expect(placed.length).toBeLessThan(200);
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlap(a, b)).toBe(false);
  });

  it('labels the most important nodes first (the candidates come in priority order)', () => {
    // Two nodes at the same spot: only the first can have the right-hand spot.
    const placed = placeLabels([label(7, 100, 100), label(8, 100, 100)], screen);
    expect(placed[0]).toMatchObject({ index: 7, x: 100 + 4 + 3 });
    expect(placed[1]?.index).toBe(8);
    expect(placed[1]?.x).toBeLessThan(100);
  });

  it('moves a label to the other side when the right-hand spot is taken', () => {
    const placed = placeLabels([label(1, 100, 100), label(2, 150, 100)], screen);
    const second = placed.find((p) => p.index === 2);
    expect(second?.x).toBeGreaterThan(150);
    const squeezed = placeLabels([label(1, 100, 100, 80), label(2, 150, 100)], screen);
    expect(squeezed.find((p) => p.index === 2)?.x).not.toBe(157);
  });

  it('keeps labels on screen, off the obstacles and within the maximum', () => {
    expect(placeLabels([label(1, 395, 5, 60)], screen).every((p) => p.x + p.width <= 400 && p.y >= 0)).toBe(
      true,
    );
    const obstacle = { x: 105, y: 90, width: 200, height: 30 };
    const placed = placeLabels([label(1, 100, 100)], { ...screen, obstacles: [obstacle] });
    expect(placed).toHaveLength(1);
    expect(overlap(placed[0] as Box, obstacle)).toBe(false);
    const many = Array.from({ length: 50 }, (_, i) =>
      label(i, 20 + (i % 5) * 80, 20 + Math.floor(i / 5) * 28),
    );
    expect(placeLabels(many, { ...screen, max: 5 })).toHaveLength(5);
  });
});
