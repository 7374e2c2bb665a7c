import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../shared/db';
import { encounterDocument, personDocument } from '../../shared/db/documents';
import { makeStamp } from '../../shared/db/fieldTimes';
import { addDays, todayString } from '../../shared/domain/days';
import type { Encounter, Person } from '../../shared/domain/entities';
import type { Session } from './app';
import { expectEventually, goTo, openNetwork, startKithWith, strengthOnMap } from './helpers';

// Issue 10: a tie fades with silence unless the owner says it lasts, and Kith learns from the
// owner's ratings. The journal is written as documents: a close friend, Vera, not seen for seven
// years, and two dozen people rated in the last two years (enough for Kith to learn from).

const today = todayString();
const written = { ms: 1_764_000_000_000, stamp: makeStamp(1_764_000_000_000, 'other-device') };

function journal(): { people: Person[]; encounters: Encounter[] } {
  const vera = personDocument('vera-stone', { name: 'Vera Stone' }, written);
  const people = [vera];
  const encounters: Encounter[] = [];
  // Monthly, rated 5, for three years; the last ten years ago minus three: seven years of silence.
  for (let k = 0; k < 36; k++) {
    const date = addDays(today, -10 * 365 + k * 30);
    encounters.push(
      encounterDocument(`vera-${k}`, { date, title: 'Walk', participantIds: [vera.id], rating: 5 }, written),
    );
  }
  for (let p = 0; p < 24; p++) {
    const person = personDocument(`friend-${p}`, { name: `Friend ${p + 1}` }, written);
    people.push(person);
    const meetings = 2 + (p % 8);
    for (let k = 0; k < meetings; k++) {
      const date = addDays(today, -(k * 60) - p);
      const rating = 1 + Math.min(4, Math.floor(meetings / 2));
      encounters.push(
        encounterDocument(
          `f${p}-${k}`,
          { date, title: 'Coffee', participantIds: [person.id], rating },
          written,
        ),
      );
    }
  }
  return { people, encounters };
}

describe('strength that fades and learns', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startKithWith(journal() as Partial<Record<CollectionName, object[]>>);
    page = session.page;
  });
  afterAll(async () => {
    expect(session.errors).toEqual([]);
    await session.close();
  });

  it('shows a friend silent for seven years as weak on the map and on her page, her line falling after the last contact', async () => {
    await openNetwork(page);
    await expectEventually(
      async () => expect(await strengthOnMap(page, 'Friend 8')).toBeGreaterThan(0),
      20_000,
    );
    expect(await strengthOnMap(page, 'Vera Stone')).toBeLessThan(15);

    await page
      .getByRole('table', { name: 'People on the map' })
      .getByRole('link', { name: 'Vera Stone' })
      .click();
    const why = page.getByRole('region', { name: 'Why is this tie strong?' });
    await why.getByText(/^Very weak \(\d+%\)/).waitFor();
    await why.getByText(/^Unseen for 7(\.\d)? years/).waitFor();
    const line = page.getByRole('img', { name: /^Vera Stone: very weak tie, \d+% on / });
    const label = (await line.getAttribute('aria-label')) ?? '';
    // Strong while they met, then down after the last walk together.
    expect(Number(/strongest (\d+)%/.exec(label)?.[1])).toBeGreaterThanOrEqual(50);
  });

  it('keeps her strong once marked as family, on her page and on the map', async () => {
    await page.getByRole('combobox', { name: 'Vera Stone is my' }).selectOption({ label: 'Family' });
    await page.getByText('Family ties last: a long silence does not weaken them.').waitFor();
    const why = page.getByRole('region', { name: 'Why is this tie strong?' });
    await why.getByText(/^Strong \(\d+%\)/).waitFor();
    await page.getByRole('img', { name: /^Vera Stone: strong tie, \d+% on / }).waitFor();

    await openNetwork(page);
    await expectEventually(
      async () => expect(await strengthOnMap(page, 'Vera Stone')).toBeGreaterThanOrEqual(50),
      20_000,
    );
  });

  it('says what it learned from the ratings, and can be told not to learn', async () => {
    await goTo(page, 'Settings');
    const learned = page.getByRole('region', { name: 'What Kith learned from your ratings' });
    await expectEventually(
      async () =>
        expect(await learned.textContent()).toMatch(
          /^Kith learned from your \d+ ratings of 25 people: .+ most for you\./,
        ),
      20_000,
    );
    await page.getByRole('switch', { name: 'Learn from my ratings' }).click();
    await learned.getByText(/^Learning is off/).waitFor();
  });
});
