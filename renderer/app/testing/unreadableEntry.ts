import { fireEvent } from '@testing-library/react';

/**
 * Leaves a date or time input as Chromium leaves one holding an incomplete or impossible entry
 * (02/30/2026, or 14:__): its value reads '' and only validity.badInput says something is there.
 * happy-dom has no such state for dates, so this stands in for the browser; the e2e tests type the
 * same entries into Chromium itself.
 */
export function typeUnreadableEntry(input: HTMLInputElement): void {
  const validity = input.validity;
  Object.defineProperty(input, 'validity', {
    configurable: true,
    get: () =>
      new Proxy(validity, { get: (real, key) => (key === 'badInput' ? true : Reflect.get(real, key)) }),
  });
  // A field that held a whole value reports the change; one typed into from empty reports nothing
  // but the keys themselves.
  if (input.value !== '') fireEvent.change(input, { target: { value: '' } });
  fireEvent.keyUp(input, { key: '0' });
}

/** Types a whole value (or clears the field) where typeUnreadableEntry left an unreadable one. */
export function typeWholeEntry(input: HTMLInputElement, value: string): void {
  Reflect.deleteProperty(input, 'validity');
  fireEvent.change(input, { target: { value } });
  fireEvent.keyUp(input, { key: 'Tab' });
}
