import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { KithDatabase } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { AppProviders } from '../AppProviders';

/**
 * Renders `ui` inside the app's providers over a real database on fake-indexeddb, and waits until
 * the database is open. Call `teardown()` (e.g. in afterEach) to unmount and drop the database.
 */
export async function renderWithDb(ui: ReactElement, options: { path?: string; db?: KithDatabase } = {}) {
  const db = options.db ?? (await openTestDatabase());
  const location = memoryLocation({ path: options.path ?? '/', record: true });
  const open = () => Promise.resolve(db);
  const user = userEvent.setup();
  const result = render(
    <Router hook={location.hook}>
      <AppProviders open={open}>{ui}</AppProviders>
    </Router>,
  );
  await waitFor(() => {
    if (screen.queryByText('Opening your journal…')) throw new Error('The database is still opening.');
  });
  const teardown = async () => {
    cleanup();
    await db.remove();
  };
  return { ...result, db, user, location, teardown };
}
