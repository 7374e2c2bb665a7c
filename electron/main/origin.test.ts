import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './origin';

describe('the app origin', () => {
  it('is app://kith, forever: IndexedDB (the whole journal) belongs to it', () => {
    // Changing this strands every user's journal under the old origin. Do not "fix" this test.
    expect(APP_ORIGIN).toBe('app://kith');
    expect(APP_ENTRY_URL).toBe('app://kith/index.html');
  });

  it.each(['app://kith/', 'app://kith/index.html', 'app://kith/people/123?x=1#y', 'APP://KITH/'])(
    'recognises %s as the app',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://evil/',
    'app://kith.evil.com/',
    'app://kith:8080/',
    'app://user@kith/',
    'https://kith/',
    'file:///app/kith/index.html',
    'about:blank',
    'not a url',
    '',
  ])('does not treat %s as the app', (url) => expect(isAppUrl(url)).toBe(false));
});
