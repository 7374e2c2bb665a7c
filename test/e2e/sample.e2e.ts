import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from './app';
import {
  bodyBackground,
  expectEventually,
  goTo,
  journalList,
  luminance,
  reloadKith,
  startKith,
  toasts,
  welcome,
} from './helpers';

describe('the sample journal and the theme', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('fills an empty journal with the sample, and one undo empties it again', async () => {
    session = await startKith();
    const { page } = session;
    await page.getByRole('button', { name: 'Explore a sample journal' }).click();

    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    await toasts(page).getByText('Loaded the sample journal').waitFor();
    // The page's subtitle counts the whole journal (day headings below count their own day).
    const subtitle = page.getByText(/^\d+ encounters$/).first();
    await subtitle.waitFor();
    expect(Number.parseInt(await subtitle.innerText(), 10)).toBeGreaterThan(10);
    await journalList(page).getByRole('article').first().waitFor();
    await goTo(page, 'People');
    expect(await page.getByRole('list', { name: 'People' }).getByRole('link').count()).toBeGreaterThan(5);
    await goTo(page, 'Communities');
    expect(await page.getByRole('list', { name: 'Communities' }).getByRole('link').count()).toBeGreaterThan(
      1,
    );

    // Ctrl+Z rather than the toast's button, which may have timed out by now (the journey test clicks it).
    await page.keyboard.press('Control+z');
    await toasts(page).getByText('Undone: Loaded the sample journal').waitFor();
    await page.getByRole('heading', { name: 'No communities yet' }).waitFor();
    await goTo(page, 'People');
    await page.getByRole('heading', { name: 'Nobody here yet but you' }).waitFor();
    await goTo(page, 'Journal');
    await welcome(page).waitFor();

    // Gone from the database too, not just from the screen.
    await reloadKith(page);
    await welcome(page).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('follows a dark system theme, and Settings → Light switches to light and stays after a reload', async () => {
    session = await startKith({ colorScheme: 'dark' });
    const { page } = session;
    await expectEventually(async () => expect(luminance(await bodyBackground(page))).toBeLessThan(0.25));

    await goTo(page, 'Settings');
    const appearance = page.getByRole('group', { name: 'Appearance' });
    expect(await appearance.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    await appearance.getByRole('radio', { name: 'Light' }).check();
    await expectEventually(async () => expect(luminance(await bodyBackground(page))).toBeGreaterThan(0.75));

    await reloadKith(page);
    await expectEventually(async () => expect(luminance(await bodyBackground(page))).toBeGreaterThan(0.75));
    await expectEventually(async () =>
      expect(
        await page
          .getByRole('group', { name: 'Appearance' })
          .getByRole('radio', { name: 'Light' })
          .isChecked(),
      ).toBe(true),
    );
    expect(session.errors).toEqual([]);
  });
});
