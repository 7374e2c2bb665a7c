/**
 * The renderer's only door to the desktop shell. The same build runs in a plain browser
 * (`npm run web`), so every function feature-detects the preload's bridge (window.kith) and falls
 * back to browser behaviour. The rest of the renderer imports from here and never reads window.kith.
 */
import type { AppInfo, KithBridge, MenuCommand, ThemeSource } from '../../shared/ipc';
import { checkExternalUrl } from '../../shared/security/externalUrl';
import { bridgeWith } from './bridge';
import { deviceNameFor } from './deviceName';

export { freeDiskBytes } from './storage';
export { loadSyncSettings, saveSyncSettings, syncTransport, testSyncConnection } from './sync';
export {
  automaticBackups,
  hasNativeFileDialogs,
  openFileNatively,
  pickedFile,
  saveFile,
  type AutomaticBackups,
  type PickedFile,
  type SaveFileOptions,
} from './transfer';

const BRIDGE_FUNCTIONS = [
  'appInfo',
  'openExternal',
  'setThemeSource',
  'onMenuCommand',
] as const satisfies readonly (keyof KithBridge)[];

function desktopBridge() {
  return bridgeWith(BRIDGE_FUNCTIONS);
}

/** True inside the desktop app, false in a browser. */
export function isDesktop(): boolean {
  return desktopBridge() !== null;
}

export function appInfo(): Promise<AppInfo> {
  const bridge = desktopBridge();
  if (bridge) return bridge.appInfo();
  const version: unknown = import.meta.env.VITE_KITH_VERSION;
  return Promise.resolve({
    version: typeof version === 'string' && version !== '' ? version : 'web',
    platform: 'web',
  });
}

/** This device's name in the journal's device directory until the person renames it ("Chrome on Linux"). */
export async function defaultDeviceName(): Promise<string> {
  return deviceNameFor((await appInfo()).platform, navigator.userAgent);
}

/**
 * Opens an https: or mailto: link outside Kith (system browser or mail app; a new tab in a
 * browser). Anything else rejects with the reason, on desktop and web alike.
 */
export async function openExternal(url: string): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) return bridge.openExternal(url);
  const check = checkExternalUrl(url);
  if (!check.ok) throw new Error(`Refused to open the link: ${check.reason}.`);
  window.open(check.url, '_blank', 'noopener,noreferrer');
}

/** In a browser the page's prefers-color-scheme already follows the OS, so there is nothing to set. */
export async function setThemeSource(theme: ThemeSource): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) await bridge.setThemeSource(theme);
}

/**
 * Native menu commands (desktop only). In a browser there is no native menu; the renderer's own
 * keyboard shortcuts cover the same commands, so this subscribes to nothing.
 */
export function onMenuCommand(callback: (command: MenuCommand) => void): () => void {
  const bridge = desktopBridge();
  return bridge ? bridge.onMenuCommand(callback) : () => undefined;
}
