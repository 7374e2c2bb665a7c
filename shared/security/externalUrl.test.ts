import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isAllowedExternalUrl, MAX_EXTERNAL_URL_LENGTH } from './externalUrl';

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
  ])('allows %s', (raw, opened) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: opened });
  });

  it.each([
    ['http://example.org', 'not http:'],
    ['file:///etc/passwd', 'not file:'],
    ['file://server/share/run.exe', 'not file:'],
    ['FILE:///C:/Windows/System32/calc.exe', 'not file:'],
    ['javascript:alert(1)', 'not javascript:'],
    ['  JaVaScRiPt:alert(1)', 'not javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'not data:'],
    ['smb://host/share', 'not smb:'],
    ['vbscript:msgbox(1)', 'not vbscript:'],
    ['ms-msdt:/id PCWDiagnostic', 'not ms-msdt:'],
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
  ])('refuses %s', (raw, reason) => {
    const check = checkExternalUrl(raw);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
    expect(isAllowedExternalUrl(raw)).toBe(false);
  });

  it('refuses a value that is not text (it may arrive from untyped code)', () => {
    expect(checkExternalUrl(42 as unknown as string)).toEqual({ ok: false, reason: 'the link is not text' });
  });
});
