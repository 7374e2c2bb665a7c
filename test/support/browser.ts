import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Debian's Chromium quiet and offline on a closed network (see environment.md). */
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Profile {
  dir: string;
  remove(): Promise<void>;
}

/** A fresh user-data folder: one per simulated person or device. Reuse it to "restart the browser". */
export async function createProfile(): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), 'kith-profile-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Launches Chromium on a persistent profile, so IndexedDB survives closing and relaunching it
 * with the same profile (that is how persistence across restarts is tested).
 */
export async function launchChromium(
  profile: Profile,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    // Pinned so typed dates (month/day/year fields) and formatted text do not depend on the machine's LANG.
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
}
