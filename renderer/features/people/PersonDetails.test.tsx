// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { PersonPage } from './PersonPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

async function showPersonWithEmails(emails: string[]) {
  const db = await openTestDatabase();
  const { person } = await createPerson(db, { name: 'Ada Lovelace', emails });
  const rendered = await renderWithDb(<PersonPage id={person.id} />, { db, path: `/people/${person.id}` });
  teardown = rendered.teardown;
  await screen.findByRole('heading', { level: 1, name: person.name });
}

describe('a person’s emails', () => {
  it('are mail links when each is one plain address', async () => {
    await showPersonWithEmails(['ada@example.org']);
    expect(screen.getByRole('link', { name: 'ada@example.org' }).getAttribute('href')).toBe(
      'mailto:ada@example.org',
    );
  });

  it('stay plain text when a stored email would make the link attach a file or add recipients', async () => {
    // The form's pattern lets these through, and imports or another device may bring anything.
    const stored = ['a@b.org?attach=/etc/passwd', 'a@b.org?cc=spy%40evil.example'];
    await showPersonWithEmails(stored);
    for (const email of stored) {
      expect(screen.getByText(email)).toBeTruthy();
      expect(screen.queryByRole('link', { name: email })).toBeNull();
    }
    const links = screen.queryAllByRole('link').map((link) => link.getAttribute('href') ?? '');
    expect(links.filter((href) => href.startsWith('mailto:'))).toEqual([]);
  });
});
