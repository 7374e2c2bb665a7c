/**
 * The name a device gets in the journal's device directory until the person renames it: what it
 * is, in words they recognise ("Chrome on Linux", "Desktop on macOS"). `platform` is appInfo()'s:
 * node's process.platform on the desktop, 'web' in a browser.
 */
export function deviceNameFor(platform: string, userAgent: string): string {
  if (platform !== 'web') return `Desktop on ${DESKTOP_SYSTEMS[platform] ?? capitalised(platform)}`;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Browser';
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}

const DESKTOP_SYSTEMS: Record<string, string> = {
  linux: 'Linux',
  darwin: 'macOS',
  win32: 'Windows',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
};

// Order matters: Edge, Opera and Chromium also say Chrome, Chrome also says Safari, Android also says Linux.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(Chrome|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function capitalised(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : 'an unknown system';
}
