// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from './ViewBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A row as Settings › Data health renders one: the component is the <li>. */
function Entry({ name, broken = false }: { name: string; broken?: boolean }) {
  // A stored value this version cannot show, as a bad date would.
  if (broken) throw new RangeError('Invalid time value');
  return <li>{name}</li>;
}

function Entries({ broken }: { broken: string }) {
  return (
    <ul aria-label="Documents set aside">
      {['Ana', 'Ben', 'Cleo'].map((name) => (
        <ViewBoundary key={name} what={`the entry for ${name}`} size="row" listItem>
          <Entry name={name} broken={name === broken} />
        </ViewBoundary>
      ))}
    </ul>
  );
}

describe('a row that cannot be shown', () => {
  it('stays an item of its list, saying what failed, and the other rows are shown', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<Entries broken="Ben" />);

    const list = screen.getByRole('list', { name: 'Documents set aside' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Ana',
      'Kith could not show the entry for Ben. Settings › Data health can check it.Try again',
      'Cleo',
    ]);
    // Nothing but list items in the list: a <div> there would break how the list is read out.
    expect([...list.children].map((child) => child.tagName)).toEqual(['LI', 'LI', 'LI']);
    expect(within(items[1]!).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(items[1]!.getAttribute('title')).toBe('Invalid time value');
  });

  it('tries the row again from its "Try again"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('not yet');
      return <li>Ben</li>;
    }
    render(
      <ul aria-label="People">
        <ViewBoundary what="Ben" size="row" listItem>
          <Flaky />
        </ViewBoundary>
      </ul>,
    );
    broken = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(within(screen.getByRole('list', { name: 'People' })).getByRole('listitem').textContent).toBe(
      'Ben',
    );
  });

  it('inside an item it wraps, is a line in that item', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ul aria-label="Encounters">
        <li>
          <ViewBoundary what="this encounter" size="row">
            <Broken />
          </ViewBoundary>
        </li>
      </ul>,
    );
    const item = within(screen.getByRole('list', { name: 'Encounters' })).getByRole('listitem');
    expect(item.textContent).toContain('Kith could not show this encounter.');
    expect(item.querySelector('li')).toBeNull();
  });
});

function Broken(): never {
  throw new Error('broken');
}
