/**
 * The renderer's origin. It is final: IndexedDB (the whole journal) belongs to the origin, so
 * changing scheme or host would leave every user's data behind under the old one.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kith';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs on the app's own origin (app://kith/...). Unparseable input is not ours. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Node's URL reports origin 'null' and keeps the host's case for schemes it does not know;
  // Chromium, which knows app: as a standard scheme, lowercases hosts. So compare the parts.
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
