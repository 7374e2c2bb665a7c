// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getStrengthSettings, setStrengthSettings, STRENGTH_SETTING_PATHS } from '../../../shared/db';
import { DEFAULT_STRENGTH_SETTINGS, SETTING_RATIONALE } from '../../../shared/network';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { STRENGTH_GROUPS } from './strengthFields';
import { StrengthSettingsSection } from './StrengthSettingsSection';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

async function open() {
  const rendered = await renderWithDb(<StrengthSettingsSection />, { path: '/settings' });
  teardown = rendered.teardown;
  await screen.findByRole('spinbutton', { name: 'Half-life of an encounter' });
  return rendered;
}

const halfLife = () =>
  screen.getByRole('spinbutton', { name: 'Half-life of an encounter' }) as HTMLInputElement;

describe('the tie strength settings', () => {
  it('offer every setting once, with a unique name, its default and why', async () => {
    await open();
    const fields = STRENGTH_GROUPS.flatMap((g) => g.topics.flatMap((t) => t.fields));
    expect(fields.map((f) => f.path).sort()).toEqual([...STRENGTH_SETTING_PATHS].sort());
    const names = fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(screen.getByLabelText(name)).toBeTruthy();

    const input = halfLife();
    const description = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(description).toContain('Default 90');
    expect(description).toContain(SETTING_RATIONALE.intensityHalfLifeDays);
    const video = screen.getByRole('spinbutton', { name: 'Channel weight: Video' }) as HTMLInputElement;
    expect(video.value).toBe(String(DEFAULT_STRENGTH_SETTINGS.channelWeights.video));
    expect(screen.getByRole('textbox', { name: 'Sizes of the circles around you' })).toHaveProperty(
      'value',
      '5, 15, 50, 150, 500',
    );
  });

  it('save a changed value when it is committed, and show it as changed', async () => {
    const { db, user } = await open();
    await user.clear(halfLife());
    await user.type(halfLife(), '30');
    await user.tab();
    await waitFor(async () => expect((await getStrengthSettings(db)).intensityHalfLifeDays).toBe(30));
    expect(await screen.findByText('Changed; default 90')).toBeTruthy();
    expect(halfLife().value).toBe('30');

    const video = screen.getByRole('spinbutton', { name: 'Channel weight: Video' });
    await user.clear(video);
    await user.type(video, '0.5{Enter}');
    await waitFor(async () => expect((await getStrengthSettings(db)).channelWeights.video).toBe(0.5));
    expect((await getStrengthSettings(db)).channelWeights.call).toBe(
      DEFAULT_STRENGTH_SETTINGS.channelWeights.call,
    );
    expect(screen.getByText('2 changed.')).toBeTruthy();
  });

  it('refuse a bad value with a message naming the setting, and store nothing', async () => {
    const { db, user } = await open();
    await user.clear(halfLife());
    await user.type(halfLife(), '0{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Half-life of an encounter must be a number of days between 1 and 36500 (got 0).',
    );
    expect(halfLife().getAttribute('aria-invalid')).toBe('true');
    expect(halfLife().value).toBe('0');

    const layers = screen.getByRole('textbox', { name: 'Sizes of the circles around you' });
    await user.clear(layers);
    await user.type(layers, '5, 50, 15');
    await user.tab();
    expect(
      await screen.findByText(
        'Sizes of the circles around you must be whole numbers, each larger than the one before (got [5,50,15]).',
      ),
    ).toBeTruthy();
    expect(await getStrengthSettings(db)).toEqual(DEFAULT_STRENGTH_SETTINGS);

    // Escape gives up the bad value and shows the stored one again.
    await user.click(halfLife());
    await user.keyboard('{Escape}');
    expect(halfLife().value).toBe('90');
    expect(halfLife().getAttribute('aria-invalid')).toBeNull();
  });

  it('reset everything to the defaults, and undo the reset from its toast', async () => {
    const { db, user } = await open();
    await setStrengthSettings(db, { intensityHalfLifeDays: 45, tieKindStrength: { friend: 0.8 } });
    await waitFor(() => expect(halfLife().value).toBe('45'));
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await waitFor(() => expect(halfLife().value).toBe('90'));
    expect(await getStrengthSettings(db)).toEqual(DEFAULT_STRENGTH_SETTINGS);
    expect(screen.getByRole('button', { name: 'Reset to defaults' })).toHaveProperty('disabled', true);

    const toast = await screen.findByText('Reset tie strength settings to defaults');
    const container = toast.closest('[role="status"], [role="alert"], li, div') as HTMLElement;
    await user.click(within(container).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(halfLife().value).toBe('45'));
    const settings = await getStrengthSettings(db);
    expect(settings.intensityHalfLifeDays).toBe(45);
    expect(settings.tieKindStrength.friend).toBe(0.8);
  });
});
