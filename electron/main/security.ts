import type { Event, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../../shared/security/externalUrl';
import { isAppUrl } from './origin';
import { openExternalSafely } from './openExternal';

/**
 * Permissions the renderer may get. Empty: the journal needs no camera, microphone, location,
 * notifications or clipboard reads. Copy and paste work through the Edit menu's native roles,
 * which need no permission; 'clipboard-sanitized-write' is the one to add if a "copy" button
 * ever uses navigator.clipboard.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/** Deny-by-default permission handling for a session (both the async request and the sync check). */
export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/**
 * Applied to every webContents the app creates (the main window and anything else), from the
 * app's 'web-contents-created' event: no navigation away from app://kith, no new windows, no
 * <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  const denyForeignNavigation = (event: Event<{ url: string }>): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', denyForeignNavigation);
  contents.on('will-frame-navigate', denyForeignNavigation);
  contents.on('will-redirect', denyForeignNavigation);

  // Links with target=_blank (and window.open) never get an Electron window: allowed links go to
  // the system browser or mail app instead.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternalSafely(url).catch((error: unknown) => console.warn(String(error)));
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
