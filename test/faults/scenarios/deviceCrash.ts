import type { DeviceRecords, StoredJournal } from '../page/api';
import { backupFile, contacts, journalOf, MEDIUM, SMALL, vcardFile } from '../harness/data';
import type { Device } from '../harness/device';
import { countsText, total } from '../harness/journal';
import type { Findings, Scenario, ScenarioContext } from '../harness/scenario';
import type { Locator } from 'playwright-core';
import { poll, settles } from '../harness/settle';
import type { Operator, SyncServerProcess } from '../harness/syncServer';
import { retrySync, setUpSync, startImport, startReplaceRestore, syncStatusText, waitForStatus } from '../ui';
import {
  changesSince,
  checkUsable,
  countDifference,
  deviceWith,
  join,
  judgeAllOrNothing,
  PASSPHRASE,
  sleep,
  syncedDevice,
} from './common';

/** Chromium writes localStorage (where the browser build keeps its sync settings) up to 5 s late. */
const LOCAL_STORAGE_COMMIT_MS = 6_000;

/**
 * Relaunches a killed device on its profile: first the probe reads what the crash left on disk
 * (noted, before the app can repair anything); then the app must open and show its journal, and
 * (its sync settings being on disk) get back in sync by itself.
 */
function recordsText({ intent, notice, copyFiles }: DeviceRecords): string {
  return `write-ahead record: ${intent ?? 'none'}; notice: ${notice ?? 'none'}; copy files: ${copyFiles.join(', ') || 'none'}`;
}

async function relaunch(findings: Findings, device: Device, operator: Operator): Promise<void> {
  findings.note('onDiskAfterTheCrash', countsText(await device.read()));
  findings.note('recordsAfterTheCrash', recordsText(await device.records()));
  await device.openApp();
  const notice = device.page.getByText(/was interrupted/).first();
  if (await notice.isVisible().catch(() => false))
    findings.note('noticeAfterTheRestart', (await notice.textContent()) ?? '');
  await checkUsable(findings, device, 'after the restart');
  findings.check(
    await settles(device.page, operator),
    `${device.name} did not get back in sync after the restart`,
  );
}

/**
 * Kills the device once `progress` shows (after a seeded pause of up to 0.4 s), noting the progress
 * then; a control run waits for `finished` instead.
 */
async function killDuring(
  ctx: ScenarioContext,
  findings: Findings,
  device: Device,
  progress: Locator,
  finished: Locator,
): Promise<void> {
  await progress.waitFor({ timeout: 180_000 });
  await sleep(ctx.between(0, 400));
  findings.note('progressAtKill', await progress.textContent().catch(() => 'finished'));
  await ctx.fault(
    `kill -9 of ${device.name}`,
    () => device.kill9(),
    () => finished.waitFor({ timeout: 180_000 }),
  );
}

/** A fresh device joins; everything it holds must be what `reference` holds. */
async function otherDeviceAgrees(
  ctx: ScenarioContext,
  findings: Findings,
  server: SyncServerProcess,
  reference: StoredJournal,
): Promise<void> {
  const other = await join(ctx, server, PASSPHRASE, 'B');
  findings.check(other.settled, `B did not get in sync: ${other.status}`);
  countDifference(findings, reference, other.journal, 'B against A');
}

/**
 * B joins a journal of about 1,500 documents and its browser is killed with SIGKILL during the first
 * pull; relaunched on the same profile, it must finish. Lost: documents of A that B lacks or holds
 * in another version; wrongly accepted: documents B holds that A never had.
 */
const deviceKillJoin: Scenario = {
  name: 'device-kill-join',
  kind: 'device crash',
  summary: 'kill -9 of B’s browser during its first sync (join) of ~1,500 documents; relaunch; finish',
  async run(ctx, findings) {
    const journal = journalOf(MEDIUM, ctx.seed);
    const { server, operator, device: a, before } = await syncedDevice(ctx, journal, PASSPHRASE);
    await a.close();
    // B's settings are saved while the server is down and given time to reach the disk, so the
    // crash tests the journal, not Chromium's late localStorage writes.
    await server.kill('SIGTERM');
    const b = await deviceWith(ctx, 'B');
    await setUpSync(b.page, ctx.syncSetup(server, PASSPHRASE));
    await sleep(LOCAL_STORAGE_COMMIT_MS);
    await server.restart();
    await retrySync(b.page);
    await waitForStatus(b.page, /^Syncing/, 60_000);
    await sleep(ctx.between(200, 2_500));
    findings.note('bStatusAtKill', await syncStatusText(b.page));
    await ctx.fault('kill -9 of B', () => b.kill9());
    await relaunch(findings, b, operator);
    countDifference(findings, before, await b.read(), 'B against A');
    findings.passPhrase = `B finished the join: ${total(before).toLocaleString('en-US')} documents`;
  },
};

/**
 * A imports 3,000 contacts while the server is down, then pushes them when it is back; its browser
 * is killed with SIGKILL part-way through the push and relaunched. Lost: imported people missing on
 * A or B, or documents that differ between them; wrongly accepted: documents on B that A lacks.
 */
const deviceKillPush: Scenario = {
  name: 'device-kill-push',
  kind: 'device crash',
  summary: 'kill -9 of A’s browser while it pushes 3,000 new people; relaunch; B agrees',
  async run(ctx, findings) {
    const people = contacts(3_000, ctx.random, 'push');
    const { server, operator, device: a } = await syncedDevice(ctx, journalOf(SMALL, ctx.seed), PASSPHRASE);
    const since = (await operator.info())?.updateSeq;
    await server.kill('SIGTERM');
    await startImport(a.page, await ctx.file('contacts.vcf', vcardFile(people, ctx.random)));
    await a.page.getByText(/^Imported contacts\.vcf/).waitFor({ timeout: 180_000 });
    await server.restart();
    await retrySync(a.page);
    const killAt = Math.round((people.length * ctx.between(10, 70)) / 100);
    const pushed = await poll(
      async () => {
        const n = (await changesSince(operator, since)).length;
        return n >= killAt ? n : undefined;
      },
      180_000,
      `${killAt} documents pushed`,
    );
    await ctx.fault('kill -9 of A', () => a.kill9());
    findings.note('pushedAtKill', `${pushed} of ${people.length}`);
    await relaunch(findings, a, operator);
    const onA = await a.read();
    const emails = new Set((onA.people ?? []).flatMap((p) => p.emails as string[]));
    const missing = people.filter((p) => !emails.has(p.email)).length;
    findings.lost = missing;
    findings.check(missing === 0, `${missing} imported people missing on A`);
    await otherDeviceAgrees(ctx, findings, server, onA);
    findings.passPhrase = `all ${people.length.toLocaleString('en-US')} people on A and B`;
  },
};

/**
 * A (in sync) imports a vCard file of 8,000 contacts through Import & export; its browser is killed
 * with SIGKILL while the import is being saved. After the relaunch the journal must be exactly as
 * before or exactly as after the import; then B, joining, must hold what A holds.
 */
const deviceKillImport: Scenario = {
  name: 'device-kill-import',
  kind: 'device crash',
  summary: 'kill -9 of the browser while an 8,000-contact vCard import is saved; all or nothing; B agrees',
  async run(ctx, findings) {
    const people = contacts(8_000, ctx.random, 'vcf');
    const journal = journalOf(SMALL, ctx.seed);
    const { server, operator, device: a, before } = await syncedDevice(ctx, journal, PASSPHRASE);
    const summary = await startImport(a.page, await ctx.file('contacts.vcf', vcardFile(people, ctx.random)));
    findings.note('importPreview', summary);
    await killDuring(
      ctx,
      findings,
      a,
      a.page.getByText(/^Saving: [1-9][\d,]* of /),
      a.page.getByText(/^Imported contacts\.vcf/),
    );
    await relaunch(findings, a, operator);
    const onA = await a.read();
    const emails = new Set(people.map((p) => p.email));
    const imported = (onA.people ?? []).filter((p) => (p.emails as string[]).some((e) => emails.has(e)));
    // "After" is the journal as it was plus exactly the imported people (their ids are new).
    const after: StoredJournal = { ...before, people: [...(before.people ?? []), ...imported] };
    const state = judgeAllOrNothing(
      findings,
      { before, after: imported.length === people.length ? after : null },
      onA,
    );
    findings.note('importedPeopleAfterTheRestart', `${imported.length} of ${people.length}`);
    await otherDeviceAgrees(ctx, findings, server, onA);
    findings.passPhrase = `exactly ${state} the import; B agrees`;
  },
};

/**
 * A (in sync, ~1,500 documents) restores a backup of ~3,000 other documents with "Replace this
 * journal"; its browser is killed with SIGKILL while the restore writes. After the relaunch the
 * journal must be exactly the old one or exactly the backup; then B must hold what A holds.
 */
const deviceKillRestore: Scenario = {
  name: 'device-kill-restore',
  kind: 'device crash',
  summary: 'kill -9 of the browser during a "Replace" restore of a ~3,000-document backup; all or nothing',
  async run(ctx, findings) {
    const journal = journalOf(MEDIUM, ctx.seed);
    const { server, operator, device: a, before } = await syncedDevice(ctx, journal, PASSPHRASE);
    const backup = journalOf({ people: 500, ties: 800, encounters: 1_600, years: 4 }, ctx.seed + 1);
    const file = await ctx.file('kith-backup-faults.json', backupFile(backup));
    await startReplaceRestore(a.page, file);
    await killDuring(
      ctx,
      findings,
      a,
      a.page.getByText(/^Restoring…\s*\(writing [1-9][\d,]* of /),
      a.page.getByText(/^Restored /),
    );
    await relaunch(findings, a, operator);
    const onA = await a.read();
    const state = judgeAllOrNothing(findings, { before, after: backup }, onA);
    await otherDeviceAgrees(ctx, findings, server, onA);
    findings.passPhrase = `exactly ${state} the restore; B agrees`;
  },
};

export const DEVICE_CRASH: Scenario[] = [deviceKillJoin, deviceKillPush, deviceKillImport, deviceKillRestore];
