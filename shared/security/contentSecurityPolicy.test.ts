import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, WEB_CSP_DIRECTIVES } from './contentSecurityPolicy';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy: only the app’s own code, styles and connections', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('allows no unsafe-* source and no remote host anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

describe('WEB_CSP_DIRECTIVES (the browser build, whose sync goes straight to the server)', () => {
  it('differs from the desktop policy only in letting the page connect to an http(s) sync server', () => {
    const { 'connect-src': connect, ...rest } = WEB_CSP_DIRECTIVES;
    const { 'connect-src': _desktopConnect, ...desktopRest } = CSP_DIRECTIVES;
    expect(rest).toEqual(desktopRest);
    expect(connect).toEqual(["'self'", 'http:', 'https:']);
  });

  it('still allows no unsafe-* source and no remote script, style, frame or worker', () => {
    expect(JSON.stringify(WEB_CSP_DIRECTIVES)).not.toMatch(/unsafe-/);
    for (const [directive, sources] of Object.entries(WEB_CSP_DIRECTIVES)) {
      if (directive !== 'connect-src') expect(sources.join(' ')).not.toMatch(/https?:|\*/);
    }
  });
});
