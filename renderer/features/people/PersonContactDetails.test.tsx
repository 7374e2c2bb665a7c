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

/** A 1×1 transparent PNG. */
const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function show(fields: Parameters<typeof createPerson>[1]) {
  const db = await openTestDatabase();
  const { person } = await createPerson(db, fields);
  const rendered = await renderWithDb(<PersonPage id={person.id} />, { db, path: `/people/${person.id}` });
  teardown = rendered.teardown;
  await screen.findByRole('heading', { level: 1, name: person.name });
}

describe('a person’s contact details', () => {
  it('shows the birthday, addresses and photo a contact brought', async () => {
    await show({
      name: 'Ada Lovelace',
      birthday: '1815-12-10',
      addresses: ['12 St James’s Square, London', 'Ockham Park, Surrey'],
      photo: PHOTO,
    });
    const birthday = screen.getByText('Birthday').nextElementSibling!;
    expect(birthday.textContent).toMatch(/10/);
    expect(birthday.textContent).toMatch(/December/);
    expect(birthday.textContent).toMatch(/1815/);
    expect(screen.getByText('Addresses')).toBeTruthy();
    expect(screen.getByText('Ockham Park, Surrey')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Photo of Ada Lovelace' }).getAttribute('src')).toBe(PHOTO);
  });

  it('shows a birthday without a year as day and month only', async () => {
    await show({ name: 'Alan Turing', birthday: '--06-23' });
    const birthday = screen.getByText('Birthday').nextElementSibling!;
    expect(birthday.textContent).toMatch(/23/);
    expect(birthday.textContent).toMatch(/June/);
    expect(birthday.textContent).not.toMatch(/\d{4}/);
  });

  it('leaves out what the person does not have', async () => {
    await show({ name: 'Grace Hopper' });
    expect(screen.queryByText('Birthday')).toBeNull();
    expect(screen.queryByText(/^Address/)).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
