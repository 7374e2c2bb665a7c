// @vitest-environment happy-dom
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/domain/entities';
import { createPerson, type KithDatabase } from '../../shared/db';
import { openTestDatabase } from '../../shared/db/testing';
import { DbContext } from './DbContext';
import { usePeople } from './collections';

let db: KithDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

function PeopleNames({ label, seen }: { label: string; seen: (Person[] | undefined)[] }) {
  const people = usePeople();
  seen.push(people);
  return <p aria-label={label}>{people ? people.map((p) => p.name).join(', ') : 'loading'}</p>;
}

describe('live collection lists', () => {
  it('gives every subscriber the same sorted list and keeps them all live', async () => {
    db = await openTestDatabase();
    await createPerson(db, { name: 'Zoë' });
    await createPerson(db, { name: 'ana' });
    const first: (Person[] | undefined)[] = [];
    const second: (Person[] | undefined)[] = [];
    const view = render(
      <DbContext.Provider value={db}>
        <PeopleNames label="first" seen={first} />
        <PeopleNames label="second" seen={second} />
      </DbContext.Provider>,
    );
    expect(first[0]).toBeUndefined();
    await waitFor(() => expect(screen.getByLabelText('first').textContent).toBe('ana, Me, Zoë'));
    expect(screen.getByLabelText('second').textContent).toBe('ana, Me, Zoë');
    expect(first.at(-1)).toBe(second.at(-1));

    await act(() => createPerson(db!, { name: 'Mia' }));
    await waitFor(() => expect(screen.getByLabelText('second').textContent).toBe('ana, Me, Mia, Zoë'));
    expect(screen.getByLabelText('first').textContent).toBe('ana, Me, Mia, Zoë');

    // Once nobody listens the query stops; a later subscriber starts from "loading" and catches up.
    view.unmount();
    await createPerson(db, { name: 'Bo' });
    const later: (Person[] | undefined)[] = [];
    render(
      <DbContext.Provider value={db}>
        <PeopleNames label="later" seen={later} />
      </DbContext.Provider>,
    );
    expect(later[0]).toBeUndefined();
    await waitFor(() => expect(screen.getByLabelText('later').textContent).toBe('ana, Bo, Me, Mia, Zoë'));
  });
});
