import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isAllowedExternalUrl, mailtoLink, MAX_EXTERNAL_URL_LENGTH } from './externalUrl';

describe('checkExternalUrl', () => {
  it.each([
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['HTTPS://Example.ORG/Path', 'https://example.org/Path'],
    // Any https host: the scheme is what the OS dispatches on, not the host.
    ['https://good.com.evil.com/', 'https://good.com.evil.com/'],
    // Backslashes in a special scheme normalise to slashes; the normalised link is what gets opened.
    ['https:\\\\example.org\\x', 'https://example.org/x'],
    ['mailto:someone@example.org', 'mailto:someone@example.org'],
    ['mailto:someone@example.org?subject=Hello%20again', 'mailto:someone@example.org?subject=Hello%20again'],
    ['mailto:a@example.org,b@example.org', 'mailto:a@example.org,b@example.org'],
    ['mailto:a@example.org?Subject=Hi&body=Line%0Aline', 'mailto:a@example.org?Subject=Hi&body=Line%0Aline'],
    ['mailto:jürgen@müller.example', 'mailto:j%C3%BCrgen@m%C3%BCller.example'],
  ])('allows %s', (raw, opened) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: opened });
  });

  it.each([
    ['http://example.org', 'not http:'],
    ['file:///etc/passwd', 'not file:'],
    ['file://server/share/run.exe', 'not file:'],
    ['FILE:///C:/Windows/System32/calc.exe', 'not file:'],
    ['javascript:alert(1)', 'not javascript:'],
    ['  JaVaScRiPt:alert(1)', 'a space at character 1'],
    ['data:text/html,<script>alert(1)</script>', 'not data:'],
    ['smb://host/share', 'not smb:'],
    ['vbscript:msgbox(1)', 'not vbscript:'],
    ['ms-msdt:/id%20PCWDiagnostic', 'not ms-msdt:'],
    ['app://kith/index.html', 'not app:'],
    ['chrome://settings', 'not chrome:'],
    ['about:blank', 'not about:'],
    ['tel:+15551234', 'not tel:'],
    ['\\\\host\\share\\run.exe', 'not a complete link'],
    ['//evil.example/', 'not a complete link'],
    ['example.org', 'not a complete link'],
    ['', 'not a complete link'],
    ['https://', 'not a complete link'],
    ['https://user:secret@example.org/', 'user name or password'],
    ['https://user@example.org/', 'user name or password'],
    [`https://example.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`, 'longer than 4096'],
    // The URL parser drops tabs and line breaks, so the host opened would differ from the text shown.
    ['https://exa\nmple.org/', 'a line break at character 12'],
    ['https://example.org\r\n.evil.example/', 'a line break at character 20'],
    ['https://example.org/\tpath', 'a tab at character 21'],
    ['https://example.org/a b', 'a space at character 22'],
    ['https://example.org/\u00a0', 'a space (U+00A0) at character 21'],
    ['https://example.org/\u202egnp.exe', 'an invisible control character (U+202E) at character 21'],
    ['https://example.org/\u0000', 'an invisible control character (U+0000) at character 21'],
    ['mailto:a@example.org?attach=/etc/passwd', 'the mail link may not carry "attach"'],
    ['mailto:a@example.org?subject=Hi&bcc=spy@evil.example', 'the mail link may not carry "bcc"'],
    ['mailto:a@example.org?cc=spy@evil.example', 'the mail link may not carry "cc"'],
    ['mailto:a@example.org?to=spy@evil.example', 'the mail link may not carry "to"'],
    ['mailto:a@example.org?%61ttach=/etc/passwd', 'the mail link may not carry "attach"'],
    ['mailto:a@example.org?%zz=1', 'the mail link may not carry "%zz"'],
    ['mailto:a@example.org?subject', 'the mail link may not carry "subject" without a value'],
    [
      'mailto:a@example.org%3Fattach%3D%2Fetc%2Fpasswd',
      '"a@example.org?attach=/etc/passwd" is not one email address',
    ],
    ['mailto:a@example.org;spy@evil.example', 'is not one email address'],
    ['mailto:?subject=Hi', 'the mail link names no address'],
    ['mailto:a@example.org#top', 'the mail link may not carry a # part'],
  ])('refuses %s', (raw, reason) => {
    const check = checkExternalUrl(raw);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
    expect(isAllowedExternalUrl(raw)).toBe(false);
  });

  it('links a stored email only when it is one plain address', () => {
    expect(mailtoLink('ada@example.org')).toBe('mailto:ada@example.org');
    expect(mailtoLink('jürgen@müller.example')).toBe('mailto:j%C3%BCrgen@m%C3%BCller.example');
    // Imports and sync may bring any text; none of these may become a link with a query or more recipients.
    for (const stored of [
      'a@b.org?attach=/etc/passwd',
      'a@b.org&bcc=spy@evil.example',
      'a@b.org,spy@evil.example',
      'a@b.org%3Fattach=x',
      'a@b.org#x',
      'a@b.org\n',
      'not an address',
      '',
    ]) {
      expect(mailtoLink(stored), stored).toBeNull();
    }
  });

  it('refuses a value that is not text (it may arrive from untyped code)', () => {
    expect(checkExternalUrl(42 as unknown as string)).toEqual({ ok: false, reason: 'the link is not text' });
  });
});
