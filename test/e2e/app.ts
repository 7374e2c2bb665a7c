import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { createProfile, launchChromium, type Profile } from '../support/browser';

/**
 * A person using Kith in a browser: a profile (their device), a running Chromium on it and the open app.
 * `restart()` closes the browser and opens it again on the same profile, as a person quitting and
 * relaunching would.
 */
export interface Session {
  profile: Profile;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen in the page; tests assert it stays empty. */
  errors: string[];
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function openApp(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Session> {
  const profile = await createProfile();
  const session = { profile, errors: [] as string[] } as Session;
  const start = async (): Promise<void> => {
    session.context = await launchChromium(profile, options);
    session.page = session.context.pages()[0] ?? (await session.context.newPage());
    session.page.on('pageerror', (error) => session.errors.push(`pageerror: ${error.message}`));
    session.page.on('console', (msg) => {
      if (msg.type() === 'error') session.errors.push(`console: ${msg.text()}`);
    });
    await session.page.goto(inject('appUrl'));
  };
  session.restart = async () => {
    await session.context.close();
    await start();
  };
  session.close = async () => {
    await session.context.close();
    await profile.remove();
  };
  await start();
  return session;
}
