// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Switch } from 'wouter';
import { Layout } from './Layout';
import { AppRoutes } from './routes';
import { renderWithDb } from './testing/renderWithDb';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  vi.restoreAllMocks();
});

/** A page that cannot be shown, as one meeting a stored value it cannot handle would be. */
function BrokenPage(): never {
  throw new RangeError('Invalid time value');
}

async function openApp(path: string) {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const rendered = await renderWithDb(
    <Layout>
      <Switch>
        <Route path="/broken" component={BrokenPage} />
        <AppRoutes />
      </Switch>
    </Layout>,
    { path },
  );
  teardown = rendered.teardown;
  return { ...rendered, logged };
}

describe('a page that fails', () => {
  it('shows a message in words with a way out, logs the error, and leaves the sidebar working', async () => {
    const { user, logged } = await openApp('/broken');
    const message = await screen.findByRole('alert');
    expect(within(message).getByRole('heading', { name: 'This page could not be shown' })).toBeTruthy();
    expect(within(message).getByText('Invalid time value')).toBeTruthy();
    expect(within(message).getByRole('link', { name: 'Import & export' })).toBeTruthy();
    expect(within(message).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(logged).toHaveBeenCalledWith('Kith could not show the page /broken:', expect.any(RangeError));

    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Data health' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'This page could not be shown' })).toBeNull();
  });

  it('"Go to the Journal" leaves the failed page', async () => {
    const { user, location } = await openApp('/broken');
    await user.click(await screen.findByRole('link', { name: 'Go to the Journal' }));
    expect(location.history?.at(-1)).toBe('/');
    expect(await screen.findByRole('heading', { name: 'Start your journal' })).toBeTruthy();
  });
});
