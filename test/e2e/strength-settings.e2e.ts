import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './app';
import {
  expectEventually,
  expectFieldError,
  goTo,
  openNetwork,
  reloadKith,
  startWithSample,
  toasts,
  strengthOnMap,
} from './helpers';

describe('the tie strength settings', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startWithSample();
    page = session.page;
  });
  afterAll(async () => {
    expect(session.errors).toEqual([]);
    await session.close();
  });

  it('change the strengths on the map, refuse a bad value by name, stay after a reload, and reset with undo', async () => {
    await openNetwork(page);
    const person = 'Tomás Herrera';
    let before = NaN;
    await expectEventually(async () => {
      before = await strengthOnMap(page, person);
      expect(before).toBeGreaterThan(0);
    }, 20_000);

    await goTo(page, 'Settings');
    const section = page.getByRole('region', { name: 'Tie strength' });
    const closeness = section.getByRole('spinbutton', { name: 'Factor weight: Closeness' });
    expect(await closeness.inputValue()).toBe('12');
    await closeness.fill('0');
    await closeness.press('Enter');
    await section.getByText('Changed; default 12').waitFor();

    const halfLife = section.getByRole('spinbutton', { name: 'Half-life of an encounter' });
    await halfLife.fill('0');
    await halfLife.press('Enter');
    await expectFieldError(
      halfLife,
      'Half-life of an encounter must be a number of days between 1 and 36500 (got 0).',
    );
    await halfLife.press('Escape');
    expect(await halfLife.inputValue()).toBe('90');

    // Without closeness the map's strengths rest on contact alone: the person's strength moves.
    await openNetwork(page);
    await expectEventually(async () => expect(await strengthOnMap(page, person)).not.toBe(before), 20_000);

    await reloadKith(page);
    await goTo(page, 'Settings');
    await expectEventually(async () => expect(await closeness.inputValue()).toBe('0'));

    await section.getByRole('button', { name: 'Reset to defaults' }).click();
    await expectEventually(async () => expect(await closeness.inputValue()).toBe('12'));
    await toasts(page).getByRole('button', { name: 'Undo' }).click();
    await expectEventually(async () => expect(await closeness.inputValue()).toBe('0'));
  });
});
