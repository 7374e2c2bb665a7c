import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { createProfile, launchChromium, type Profile } from '../../support/browser';
import { waitForApp } from '../../e2e/helpers';
import type { DeviceRecords, StoredJournal } from '../page/api';
import type { Cleanup } from './cleanup';

/** Per action: a busy two-core machine with several devices syncing is slow. */
const ACTION_TIMEOUT_MS = 20_000;

/** The processes whose command line names this profile folder: the browser and its helpers. */
function processesOf(profileDir: string): { pid: number; browser: boolean }[] {
  const found: { pid: number; browser: boolean }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (!args.includes(`--user-data-dir=${profileDir}`)) continue;
    found.push({ pid: Number(entry), browser: !args.some((arg) => arg.startsWith('--type=')) });
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One device: a Chromium profile (its IndexedDB and localStorage), the browser running on it and the
 * app's page. `kill9()` SIGKILLs the browser process (found by its --user-data-dir); `launch()` again
 * relaunches on the same profile, as a person restarting after a crash would.
 */
export class Device {
  context: BrowserContext | null = null;
  page!: Page;
  browserPid = 0;
  /** Uncaught exceptions in the page, across launches. */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly name: string,
    readonly profile: Profile,
    private readonly urls: { appUrl: string; probeUrl: string },
    private readonly log: (message: string) => void,
  ) {}

  static async create(
    name: string,
    options: {
      cleanup: Cleanup;
      urls: { appUrl: string; probeUrl: string };
      log: (message: string) => void;
      /** A folder to use as the profile (e.g. on a small tmpfs); default a fresh temporary folder. */
      profileDir?: string;
    },
  ): Promise<Device> {
    const profile: Profile = options.profileDir
      ? { dir: options.profileDir, remove: async () => undefined }
      : await createProfile();
    const device = new Device(name, profile, options.urls, options.log);
    if (!options.profileDir) {
      // Retried: a helper process of a killed browser may still be writing into it for a moment.
      options.cleanup.add(`remove ${name}'s profile`, () =>
        rm(profile.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }),
      );
    }
    options.cleanup.add(`close ${name}`, () => device.shutDown());
    return device;
  }

  get running(): boolean {
    return this.context !== null;
  }

  /** Starts Chromium on the profile; the page is blank until openApp() or read(). */
  async launch(): Promise<void> {
    if (this.context) throw new Error(`${this.name} is already running`);
    const context = await launchChromium(this.profile);
    this.context = context;
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.on('close', () => {
      if (this.context === context) this.context = null;
    });
    const browser = processesOf(this.profile.dir).find((p) => p.browser);
    if (!browser) throw new Error(`${this.name}: the browser process was not found`);
    this.browserPid = browser.pid;
    this.page = context.pages()[0] ?? (await context.newPage());
    this.page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  /** Opens the app and waits until it is usable. */
  async openApp(): Promise<Page> {
    if (!this.context) await this.launch();
    await this.page.goto(this.urls.appUrl);
    await waitForApp(this.page);
    return this.page;
  }

  /**
   * Every document the device holds, read by the probe page on the app's origin after leaving the
   * app (so nothing is writing). Launches the browser if needed and leaves it on the probe page.
   */
  async read(): Promise<StoredJournal> {
    await this.toProbe();
    return this.page.evaluate(() => window.kithFaults!.read());
  }

  /** The device's own records of a bulk write (write-ahead header, notice, safety copy files), as on disk. */
  async records(): Promise<DeviceRecords> {
    await this.toProbe();
    return this.page.evaluate(() => window.kithFaults!.records());
  }

  /** Writes documents into a fresh profile's database, before the app is opened there. */
  async insert(collections: Record<string, object[]>): Promise<void> {
    await this.toProbe();
    await this.page.evaluate((docs) => window.kithFaults!.insert(docs), collections);
  }

  private async toProbe(): Promise<void> {
    if (!this.context) await this.launch();
    await this.page.goto(this.urls.probeUrl);
    await this.page.waitForFunction(() => window.kithFaults !== undefined);
  }

  /** SIGKILL of the browser process: no unload, no flush, as a crash or a power cut would. */
  async kill9(): Promise<void> {
    const context = this.context;
    if (!context) throw new Error(`${this.name} is not running`);
    const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
    process.kill(this.browserPid, 'SIGKILL');
    this.log(`${this.name}: browser (pid ${this.browserPid}) killed with SIGKILL`);
    await Promise.race([closed, sleep(10_000)]);
    this.context = null;
    await this.reapHelpers();
  }

  /** Its helper processes die with the browser; any that linger are killed by pid. */
  private async reapHelpers(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const left = processesOf(this.profile.dir);
      if (left.length === 0) return;
      if (i >= 10) for (const p of left) process.kill(p.pid, 'SIGKILL');
      await sleep(100);
    }
  }

  /** Quits the browser normally (its storage is flushed). */
  async close(): Promise<void> {
    const context = this.context;
    this.context = null;
    if (context) await context.close();
  }

  /** Quits and relaunches on the same profile, then opens the app. */
  async restart(): Promise<Page> {
    await this.close();
    return this.openApp();
  }

  /** Cleanup: a normal quit, or a kill if that hangs. */
  private async shutDown(): Promise<void> {
    if (!this.context) return this.reapHelpers();
    await Promise.race([this.close(), sleep(10_000)]);
    for (const p of processesOf(this.profile.dir)) process.kill(p.pid, 'SIGKILL');
    await this.reapHelpers();
  }
}
