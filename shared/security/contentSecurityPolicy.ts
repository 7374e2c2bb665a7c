/**
 * Kith's Content-Security-Policy, in one place: the desktop shell sends it as a header on every
 * app://kith response, and a browser build can send the same policy.
 *
 * No 'unsafe-eval' and no 'unsafe-inline' anywhere: code and styles come only from the app's own
 * files. Consequences for the renderer: RxDB must use the z-schema validator (ajv compiles with
 * eval), and styles are set through CSS files or the CSSOM (React's `style` prop), never through
 * inline <style> elements or `setAttribute('style', ...)`.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * The browser build's policy: the desktop's, except that the page may connect to the sync server
 * the person configures (any http: or https: origin, since Kith cannot know it at build time). The
 * desktop needs no such exception: its sync requests go through the main process, and the header
 * the shell sends stays the strict policy above. The built page carries this one as a <meta>, so in
 * the desktop window both apply and the stricter header wins (a browser enforces every policy).
 */
export const WEB_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  ...CSP_DIRECTIVES,
  'connect-src': ["'self'", 'http:', 'https:'],
};
