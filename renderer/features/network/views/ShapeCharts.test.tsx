// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OWNER, encounter } from '../../../../shared/network/testing';
import { ActivityHeatmap } from './ActivityHeatmap';
import { CompositionChart } from './CompositionChart';

afterEach(cleanup);

describe('activity heatmap', () => {
  it('names each day by its count, and sums the year in words', () => {
    const encounters = [
      encounter('2026-03-12', ['ana']),
      encounter('2026-03-12', ['ben']),
      encounter('2026-03-12', ['ana', 'ben']),
      encounter('2026-01-05', ['ana']),
      encounter('2024-01-05', ['ana']),
    ];
    render(<ActivityHeatmap encounters={encounters} last="2026-04-30" />);
    const grid = screen.getByRole('group', { name: 'Encounters per day, 1 May 2025 to 30 April 2026' });
    expect(within(grid).getByRole('img', { name: '3 encounters on 12 March 2026' })).toBeTruthy();
    expect(within(grid).getByRole('img', { name: '1 encounter on 5 January 2026' })).toBeTruthy();
    expect(within(grid).getByRole('img', { name: 'No encounters on 13 March 2026' })).toBeTruthy();
    expect(within(grid).getAllByRole('img')).toHaveLength(365);
    expect(
      screen.getByText(
        '4 encounters on 2 days between 1 May 2025 and 30 April 2026; the busiest day was 12 March 2026 with 3 encounters.',
      ),
    ).toBeTruthy();
  });
});

describe('network composition chart', () => {
  it('reads out the latest period in the legend and lists every period with its total', async () => {
    const encounters = [
      encounter('2024-01-10', ['ana', 'ben'], { context: 'club' }),
      encounter('2024-02-10', ['ana'], { context: 'meeting' }),
      encounter('2024-03-10', ['ana'], { context: 'meeting' }),
      encounter('2024-03-15', ['cy'], { context: 'volunteering' }),
    ];
    render(<CompositionChart encounters={encounters} ownerId={OWNER} last="2024-03-31" />);
    await screen.findByRole('img', { name: /^Stacked area chart, Jan 2024 to Mar 2024/ });
    expect(document.querySelector('.composition__period')?.textContent).toBe('Mar 2024: 3 people');
    const legend = screen.getByRole('list');
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Club1', 'Volunteering1', 'Meeting1']);
    const rows = screen
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Month', 'Meeting', 'Volunteering', 'Club', 'Total'],
      ['Jan 2024', '0', '0', '2', '2'],
      ['Feb 2024', '1', '0', '1', '2'],
      ['Mar 2024', '1', '1', '1', '3'],
    ]);
  });
});
