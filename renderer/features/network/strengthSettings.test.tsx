// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, recordEncounter, setStrengthSettings, type KithDatabase } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { addDays, todayString } from '../../../shared/domain/days';
import type { Encounter, Person } from '../../../shared/domain/entities';
import {
  buildTimeIndex,
  dayNumber,
  DEFAULT_STRENGTH_SETTINGS,
  resolveStrengthSettings,
  type StrengthSettings,
} from '../../../shared/network';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { PersonPage } from '../people';
import { NetworkPage } from './NetworkPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const today = todayString();
const SHORT_HALF_LIFE = resolveStrengthSettings({ intensityHalfLifeDays: 7 });

/** Ana: two encounters ten months ago and one three months ago, so how fast contact fades shows. */
async function seed(db: KithDatabase): Promise<Person> {
  const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
  for (const ago of [300, 290, 100]) {
    await recordEncounter(db, { date: addDays(today, -ago), participantIds: [ana.id] });
  }
  return ana;
}

/** Ana's strength today, as a whole percentage, computed by the model itself with these settings. */
async function expectedPercent(db: KithDatabase, settings: StrengthSettings): Promise<string> {
  const people = (await db.people.find().exec()).map((d) => d.toMutableJSON() as Person);
  const encounters = (await db.encounters.find().exec()).map((d) => d.toMutableJSON() as Encounter);
  const index = buildTimeIndex(people, encounters, [], settings);
  const strengths = index.strengthsAt(dayNumber(today), new Float64Array(index.ties.length));
  return `${Math.round((strengths[index.people[0]!.ownerTie] as number) * 100)}%`;
}

describe('the strength model uses the stored strength settings', () => {
  it('on the map: a shorter half-life weakens a tie not seen for months, and the map follows a change', async () => {
    const db = await openTestDatabase();
    await seed(db);
    const withDefaults = await expectedPercent(db, DEFAULT_STRENGTH_SETTINGS);
    const withShortHalfLife = await expectedPercent(db, SHORT_HALF_LIFE);
    // The scenario must be one where the setting makes a visible difference.
    expect(withShortHalfLife).not.toBe(withDefaults);

    await setStrengthSettings(db, { intensityHalfLifeDays: 7 });
    const rendered = await renderWithDb(<NetworkPage />, { db, path: '/network' });
    teardown = rendered.teardown;
    const anaRow = () =>
      within(screen.getByRole('table', { name: 'People on the map' })).getByRole('row', {
        name: /Ana Lopez/,
      });
    await waitFor(() => expect(anaRow().textContent).toContain(withShortHalfLife), { timeout: 10_000 });

    // Back to the default half-life while the map is open: the model is rebuilt with it.
    await setStrengthSettings(db, { intensityHalfLifeDays: DEFAULT_STRENGTH_SETTINGS.intensityHalfLifeDays });
    await waitFor(() => expect(anaRow().textContent).toContain(withDefaults), { timeout: 10_000 });
  });

  it('on the person page: the strength timeline and "Why is this tie strong?" use them', async () => {
    const db = await openTestDatabase();
    const ana = await seed(db);
    const withDefaults = await expectedPercent(db, DEFAULT_STRENGTH_SETTINGS);
    const withShortHalfLife = await expectedPercent(db, SHORT_HALF_LIFE);
    const rendered = await renderWithDb(<PersonPage id={ana.id} />, { db, path: `/people/${ana.id}` });
    teardown = rendered.teardown;
    const timeline = async () =>
      (await screen.findByRole('img', { name: /^Ana Lopez: / })).getAttribute('aria-label');
    const why = async () =>
      (await screen.findByRole('region', { name: 'Why is this tie strong?' })).textContent ?? '';
    await waitFor(async () => expect(await timeline()).toContain(`${withDefaults} on`));
    const before = await why();

    await setStrengthSettings(db, { intensityHalfLifeDays: 7 });
    await waitFor(async () => expect(await timeline()).toContain(`${withShortHalfLife} on`));
    expect(await why()).not.toBe(before);
  });
});
