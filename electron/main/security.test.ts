import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, fakeEvent, resetFakeElectron, session, shell } from '../testing/fakeElectron';
import { openExternalSafely } from './openExternal';
import { ALLOWED_PERMISSIONS, applySessionPolicy, hardenWebContents } from './security';

vi.mock('electron', () => import('../testing/fakeElectron'));

beforeEach(() => resetFakeElectron());

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s stays on app://kith',
    (eventName) => {
      const contents = hardened();
      const inside = fakeEvent({ url: 'app://kith/people/1' });
      contents.emit(eventName, inside);
      expect(inside.defaultPrevented).toBe(false);

      for (const url of [
        'https://example.org/',
        'http://localhost:5173/',
        'file:///etc/passwd',
        'app://evil/',
        'about:blank',
      ]) {
        const outside = fakeEvent({ url });
        contents.emit(eventName, outside);
        expect(outside.defaultPrevented, url).toBe(true);
      }
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('new windows', () => {
  it('are always denied; https and mailto links go to the system instead', async () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://example.org/x' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'mailto:ada@example.org' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(2));
    expect(shell.openExternal).toHaveBeenNthCalledWith(1, 'https://example.org/x');
    expect(shell.openExternal).toHaveBeenNthCalledWith(2, 'mailto:ada@example.org');
  });

  it.each([
    'app://kith/index.html',
    'http://example.org/',
    'file:///C:/Windows/calc.exe',
    'javascript:alert(1)',
  ])('are denied and %s is not opened anywhere', async (url) => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('webviews', () => {
  it('are refused before they attach', () => {
    const contents = hardened();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://example.org' });
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('permissions', () => {
  const permissions = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'openExternal',
    'fullscreen',
    'unknown',
  ];

  it('allows none (the allowlist is empty)', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual([]);
  });

  it.each(permissions)('denies a request for %s', (permission) => {
    applySessionPolicy(session.defaultSession as unknown as Session);
    const callback = vi.fn();
    session.defaultSession.requestHandler!({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(permissions)('answers a check for %s with no', (permission) => {
    applySessionPolicy(session.defaultSession as unknown as Session);
    expect(session.defaultSession.checkHandler!({}, permission)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it.each([
    ['https://example.org', 'https://example.org/'],
    ['https://good.com.evil.com/', 'https://good.com.evil.com/'],
    ['mailto:ada@example.org', 'mailto:ada@example.org'],
  ])('opens %s', async (url, opened) => {
    await openExternalSafely(url);
    expect(shell.openExternal).toHaveBeenCalledWith(opened);
  });

  it.each([
    'http://example.org',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    '\\\\host\\share',
    'data:text/html,hi',
    'https://user:pass@example.org',
    'ms-settings:',
  ])('refuses %s with a reason and never reaches the shell', async (url) => {
    await expect(openExternalSafely(url)).rejects.toThrow(/^Refused to open the link: /);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
