import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Random } from '../../../shared/sample/random';
import type { SyncSetup } from '../ui';
import type { Site } from './build';
import type { Cleanup } from './cleanup';
import { Device } from './device';
import { Operator, SERVER_PASSWORD, SERVER_USER, SyncServerProcess } from './syncServer';
import { DATABASE } from '../ui';

export type ScenarioKind = 'server crash' | 'device crash' | 'hostile server' | 'storage full' | 'passphrase';

export interface Scenario {
  name: string;
  kind: ScenarioKind;
  /** What is done, in one line (the README and --list show it). */
  summary: string;
  /** Part of the short seeded subset `npm test` runs. */
  short?: boolean;
  run(ctx: ScenarioContext, findings: Findings): Promise<void>;
}

/** What a scenario gets: a seeded random source, a log, and devices and servers cleaned up after it. */
export class ScenarioContext {
  constructor(
    readonly seed: number,
    readonly random: Random,
    readonly site: Site,
    readonly cleanup: Cleanup,
    readonly log: (message: string) => void,
    /** A control run: every fault is skipped (see fault()), so every scenario should pass. */
    readonly control = false,
  ) {}

  /**
   * Injects a fault. In a control run the fault is skipped and `instead` runs (e.g. waiting for the
   * operation the fault would have interrupted to finish), which checks that the scenario's own
   * judgement passes a run without faults.
   */
  async fault(what: string, inject: () => Promise<void>, instead?: () => Promise<void>): Promise<boolean> {
    if (this.control) {
      this.log(`control run: not injecting "${what}"`);
      await instead?.();
      return false;
    }
    await inject();
    return true;
  }

  device(name: string, options: { profileDir?: string } = {}): Promise<Device> {
    return Device.create(name, {
      cleanup: this.cleanup,
      urls: this.site,
      log: this.log,
      ...(options.profileDir ? { profileDir: options.profileDir } : {}),
    });
  }

  server(): Promise<SyncServerProcess> {
    return SyncServerProcess.start(this.cleanup, this.log);
  }

  operator(server: SyncServerProcess): Operator {
    return new Operator(server.url, DATABASE);
  }

  /** What a person types into Settings › Sync for this server. */
  syncSetup(server: SyncServerProcess, passphrase: string): SyncSetup {
    return { serverUrl: server.url, username: SERVER_USER, password: SERVER_PASSWORD, passphrase };
  }

  /** Writes a file (an import, a backup) into a temporary folder removed after the scenario; returns its path. */
  async file(name: string, content: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'kith-faults-files-'));
    this.cleanup.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  /** A whole number in [min, max] from the scenario's seeded source. */
  between(min: number, max: number): number {
    return this.random.int(min, max);
  }
}

export interface Check {
  ok: boolean;
  /** A few words, shown in the table when the check fails. */
  whenFailed: string;
}

/**
 * What a scenario found: documents lost (acknowledged, then missing or older), documents wrongly
 * accepted (forged, rolled back, invalid or half-written, yet applied or kept), the checks that
 * decide pass or fail, and what was measured (for the JSON).
 */
export class Findings {
  /** Null until the scenario has measured it. */
  lost: number | null = null;
  wronglyAccepted: number | null = null;
  readonly checks: Check[] = [];
  readonly measured: Record<string, unknown> = {};
  /** The phrase of a passing row. */
  passPhrase = 'as expected';

  /** Records a check; its phrase is shown when it fails. Returns `ok`. */
  check(ok: boolean, whenFailed: string): boolean {
    this.checks.push({ ok, whenFailed });
    return ok;
  }

  note(key: string, value: unknown): void {
    this.measured[key] = value;
  }

  get failed(): Check[] {
    return this.checks.filter((c) => !c.ok);
  }
}
